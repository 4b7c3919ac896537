import type { ReplyTexts } from './types';

export const FR: ReplyTexts = {
  orderStatus: {
    pending: 'reçue et en attente de confirmation',
    paid: 'payée et en attente de préparation',
    processing: 'en préparation',
    shipped: 'expédiée',
    delivered: 'livrée',
    cancelled: 'annulée',
    returned: 'retournée',
  },
  shipmentStatus: {
    label_created: 'emballée et en attente de prise en charge par le transporteur',
    in_transit: 'en route',
    out_for_delivery: 'en cours de livraison',
    delivered: 'livrée',
    exception: 'retardée par un incident de livraison',
    customs_hold: 'retenue en douane',
    returned: 'en retour vers nous',
  },
  orderSummary: 'Votre commande {orderId} ({items}) est {status}.',
  notShippedYet: "Elle n'est pas encore expédiée.",
  carrier: 'Transporteur : {carrier}, numéro de suivi {trackingNumber}.',
  lastEvent: 'Dernière mise à jour, {date} à {location} : {description}.',
  lastEventNoLocation: 'Dernière mise à jour, {date} : {description}.',
  estimatedDelivery: 'Livraison estimée : {date}.',
  chooseOrder: "J'ai trouvé {count} commandes récentes sur votre compte. Laquelle voulez-vous dire ?",
  orderLine: '• {orderId} ({date}) : {items}',
  noOrders:
    "Je n'ai trouvé aucune commande sur votre compte. Si vous avez commandé avec une autre adresse e-mail, une personne de notre équipe peut la retrouver.",
  orderNotFound:
    "Je n'ai pas trouvé cette commande sur votre compte. Vérifiez le numéro de commande, ou je peux demander l'aide d'une personne de notre équipe.",
  askOrderNumber:
    "Pouvez-vous m'envoyer votre numéro de commande ? Il figure dans l'e-mail de confirmation de commande.",
  greeting:
    "Bonjour ! Je suis l'assistant de la boutique. Je peux vous dire où en est votre commande ou faire venir une personne de notre équipe. Que puis-je faire pour vous ?",
  thanks: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
  outOfScope:
    'Ici, je peux vous aider pour vos commandes : livraisons, retours, échanges, tailles et produits. Que puis-je faire pour vous ?',
  handoff:
    'Bien sûr. Je demande à une personne de notre équipe de rejoindre la conversation ; elle vous répondra ici très bientôt.',
  videoCall:
    'Bien sûr. Je demande à une personne de notre équipe de vous rejoindre ; elle pourra lancer un appel vidéo ici même, dans le chat.',
  teamWillHelp:
    "Merci, c'est noté. Une personne de notre équipe va vous aider ici très bientôt. En attendant, je peux vous dire où en est votre commande.",
  unsure:
    "Je ne suis pas sûr d'avoir compris. Je demande à une personne de notre équipe de vous aider ; elle vous répondra ici très bientôt.",
  itemSize: 'taille {size}',
  listSeparator: ', ',
};
