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
  afterSales: {
    returnOpened:
      "J'ai ouvert le retour {rmaId} pour {item} de la commande {orderId}. Merci de le renvoyer avant le {lastDay} ; l'étiquette de retour arrive par e-mail. {amount} vous sera remboursé dès sa réception.",
    exchangeOpened:
      "J'ai ouvert l'échange {rmaId} pour {item} de la commande {orderId}. Merci de le renvoyer avant le {lastDay} ; l'étiquette arrive par e-mail et nous expédions le remplacement dès sa réception.",
    returnNeedsPerson:
      "J'ai ouvert le retour {rmaId} pour {item}. Un remboursement de {amount} doit être validé par une personne de notre équipe ; elle vous confirmera ici très bientôt.",
    returnAlreadyOpen: 'Il y a déjà un retour pour {item} : {rmaId}, {state}.',
    returnRefused: 'Désolé, {item} de la commande {orderId} ne peut pas être retourné : {why}',
    returnWhy: {
      not_delivered_yet:
        "il n'a pas encore été livré. Dès qu'il arrive, écrivez-moi et je lancerai le retour.",
      final_sale:
        "c'est un article en vente finale. S'il est défectueux, dites-le-moi et une personne de notre équipe vous aidera.",
      outside_window:
        "le délai de retour a pris fin le {lastDay}. S'il est défectueux, une personne de notre équipe peut l'examiner.",
      already_returned: 'il a déjà été retourné.',
      other:
        "notre politique de retour ne le permet pas. Une personne de notre équipe peut l'examiner avec vous.",
    },
    askWhichItem: 'De quel article s’agit-il ? {items}',
    returnStatus: 'Retour {rmaId} ({item}) : {state}.',
    returnState: {
      awaiting_approval:
        "en attente de notre validation ; nous vous préviendrons dès qu'une décision sera prise",
      approved: "accepté, en attente de l'envoi de l'article",
      in_transit: 'en route vers nous',
      received: 'reçu, en cours de vérification',
      refunded: 'remboursé',
      exchanged: 'échangé, le remplacement est en route',
      rejected: 'refusé ; une personne de notre équipe vous expliquera pourquoi',
    },
    noReturns: 'Je ne trouve aucun retour pour la commande {orderId}. Voulez-vous en ouvrir un ?',
    cancelled:
      'La commande {orderId} est annulée. {amount} sera remboursé sur votre moyen de paiement initial.',
    cancelNeedsPerson:
      "La commande {orderId} n'est pas encore expédiée. Vu le montant ({amount}), une personne de notre équipe confirmera l'annulation ici très bientôt.",
    cancelShipped:
      'La commande {orderId} est déjà expédiée, elle ne peut donc plus être annulée. À sa réception, vous pourrez la retourner : il suffit de me le dire.',
    cancelNotPossible:
      'La commande {orderId} ne peut pas être annulée ici. Une personne de notre équipe peut vous aider.',
    changeRequested:
      "La commande {orderId} n'est pas encore expédiée, elle peut donc encore être modifiée. J'ai transmis votre demande à notre équipe (ticket {ticketId}) ; elle vous confirmera ici avant l'expédition.",
    changeAskValue: 'Quelle taille ou quelle couleur souhaitez-vous à la place ?',
    changeShipped:
      'La commande {orderId} est déjà expédiée, elle ne peut donc plus être modifiée. À sa réception, je peux organiser un échange.',
    changeNotPossible:
      'Je ne peux pas modifier la commande {orderId} moi-même. Une personne de notre équipe peut vous aider.',
    sizeAdvice: 'Pour {product}, je vous recommande la taille {size}.',
    sizeReturnsNote:
      "C'est une taille d'écart avec le guide : les clients qui l'ont retourné l'ont trouvé taillé différemment.",
    sizeReasonChart:
      'Vos mensurations ({measured}) correspondent à la taille {size} de son guide des tailles.',
    sizeReasonBetween:
      'Vos mensurations ({measured}) se situent entre les tailles {lower} et {upper} de son guide des tailles ; j’ai donc choisi la taille {size}.',
    sizeAskBody:
      'Pour vous conseiller une taille de {product}, indiquez-moi votre taille et votre poids (par exemple 170 cm et 65 kg).',
    sizeAskFoot:
      'Pour vous conseiller une pointure de {product}, indiquez-moi la longueur de votre pied, du talon au plus long orteil (par exemple 26,5 cm).',
    sizeAskProduct: 'Pour quel produit souhaitez-vous un conseil de taille ? Par exemple : {products}.',
    sizeCannot:
      'Je préfère ne pas deviner une taille de {product} avec ces mesures. Vérifiez-les, ou je peux demander à une personne de notre équipe.',
    knowledgeSource: 'Source : {source}',
    offerFollowUp:
      'Vous avez aussi demandé : « {request} ». Voulez-vous que je m’en occupe ensuite ? Dites simplement oui.',
    knowledgeOtherLanguage: "Cette réponse n'existe que dans la langue de la boutique ({language}).",
    noAnswer:
      "Je ne connais pas la réponse et je préfère ne pas l'inventer. Je demande à une personne de notre équipe ; elle vous répondra ici très bientôt.",
    claimOpened:
      "J'en suis désolé. J'ai ouvert le dossier {claimId} et l'ai transmis à l'équipe concernée ; une personne vous répondra ici très bientôt.",
    askPhoto:
      "Si possible, envoyez une photo de l'article et de son étiquette avec le bouton appareil photo : cela nous aide à régler cela plus vite.",
    paymentNote: "N'envoyez jamais de numéro de carte dans le chat.",
  },
};
