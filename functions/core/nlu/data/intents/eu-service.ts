import { serviceExamples } from './en-service';
import type { IntentExamples } from './types';

/**
 * Longer, polite customer-service phrasing in Spanish, French, German, Portuguese and Italian, written by
 * the team the same way as en-service.ts: frames shared by every intent, phrases that carry the intent.
 */

export const ES_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'rastrear mi pedido',
        'saber dónde está mi paquete',
        'consultar el estado del pedido {{Order Number}}',
        'saber cuándo llega mi compra',
        'ver el número de seguimiento de mi pedido',
        'saber cuánto tarda en llegar mi pedido',
      ],
      topics: ['el estado de mi pedido', 'la fecha de entrega de mi compra', 'el seguimiento de mi paquete'],
    },
    cancel_order: {
      actions: [
        'cancelar mi pedido',
        'cancelar el pedido {{Order Number}}',
        'anular mi compra',
        'cancelar una compra que hice ayer',
      ],
      topics: ['la cancelación de mi pedido', 'cancelar una compra'],
    },
    change_order: {
      actions: [
        'cambiar la dirección de envío de mi pedido',
        'modificar el pedido {{Order Number}}',
        'añadir un artículo a mi pedido',
        'corregir la dirección de entrega',
        'cambiar la talla de un artículo de mi pedido',
      ],
      topics: ['un cambio en mi pedido', 'la dirección de envío de mi pedido'],
    },
    return_request: {
      actions: [
        'devolver un artículo',
        'solicitar un reembolso',
        'pedir que me devuelvan el dinero',
        'devolver el pedido {{Order Number}}',
        'recuperar mi dinero',
      ],
      topics: ['una devolución', 'cómo pedir un reembolso'],
    },
    refund_status: {
      actions: [
        'consultar el estado de mi reembolso',
        'saber cuándo recibiré mi reembolso',
        'comprobar si ya procesaron mi reembolso',
        'rastrear mi reembolso',
      ],
      topics: ['el estado de mi reembolso', 'un reembolso que no me ha llegado'],
      sentences: ['todavía estoy esperando mi reembolso', '¿ya me hicieron el reembolso?'],
    },
    policy_question: {
      actions: [
        'consultar la política de devoluciones',
        'saber si hay un cargo por cancelar',
        'ver las opciones de envío',
        'conocer los métodos de entrega',
      ],
      topics: [
        'la tarifa de cancelación',
        'la política de reembolsos',
        'las opciones de envío',
        'la garantía',
      ],
    },
    payment_issue: {
      actions: [
        'resolver un problema con mi pago',
        'informar de un cobro doble',
        'pagar mi pedido, la tarjeta es rechazada',
      ],
      topics: ['un problema con el pago', 'un cargo que no reconozco'],
    },
    account: {
      actions: [
        'crear una cuenta',
        'eliminar mi cuenta',
        'recuperar mi contraseña',
        'cambiar los datos de mi cuenta',
        'registrarme',
        'cambiar de cuenta',
        'añadir una dirección de envío a mi perfil',
      ],
      topics: ['mi cuenta', 'un problema con el registro', 'mi contraseña'],
    },
    human_agent: {
      actions: [
        'hablar con una persona',
        'contactar con atención al cliente',
        'hablar con un agente',
        'comunicarme con el servicio de atención al cliente',
      ],
      topics: ['el teléfono de atención al cliente', 'hablar con un humano'],
    },
    complaint: {
      actions: ['presentar una queja', 'poner una reclamación', 'quejarme del servicio'],
      topics: ['una queja', 'una reclamación sobre el servicio'],
    },
  },
  [
    'necesito ayuda para {}',
    '¿me puedes ayudar a {}?',
    '¿cómo puedo {}?',
    'quiero {}',
    'me gustaría {}',
    'quisiera saber cómo {}',
    '¿dónde puedo {}?',
    'necesito {}',
    'hola, quiero {}',
    '¿es posible {}?',
  ],
  ['necesito información sobre {}', 'tengo una pregunta sobre {}', 'ayuda con {}', 'quiero saber sobre {}'],
  2,
);

export const FR_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'suivre ma commande',
        'savoir où est mon colis',
        "connaître l'état de la commande {{Order Number}}",
        'savoir quand ma commande arrive',
        'obtenir le numéro de suivi de ma commande',
        'savoir combien de temps prend la livraison de ma commande',
      ],
      topics: ["l'état de ma commande", 'la date de livraison de mon achat', 'le suivi de mon colis'],
    },
    cancel_order: {
      actions: [
        'annuler ma commande',
        'annuler la commande {{Order Number}}',
        'annuler mon achat',
        'annuler une commande passée hier',
      ],
      topics: ["l'annulation de ma commande", "l'annulation d'un achat"],
    },
    change_order: {
      actions: [
        "changer l'adresse de livraison de ma commande",
        'modifier la commande {{Order Number}}',
        'ajouter un article à ma commande',
        "corriger l'adresse de livraison",
        "changer la taille d'un article de ma commande",
      ],
      topics: ['une modification de ma commande', "l'adresse de livraison de ma commande"],
    },
    return_request: {
      actions: [
        'retourner un article',
        'demander un remboursement',
        'me faire rembourser',
        'retourner la commande {{Order Number}}',
        'récupérer mon argent',
      ],
      topics: ['un retour', 'comment obtenir un remboursement'],
    },
    refund_status: {
      actions: [
        "connaître l'état de mon remboursement",
        'savoir quand je serai remboursé',
        'vérifier si mon remboursement a été traité',
        'suivre mon remboursement',
      ],
      topics: ["l'état de mon remboursement", 'un remboursement que je n’ai pas reçu'],
      sentences: ["j'attends toujours mon remboursement", 'mon remboursement a-t-il été effectué ?'],
    },
    policy_question: {
      actions: [
        'connaître votre politique de retour',
        "savoir s'il y a des frais d'annulation",
        'voir les options de livraison',
        'connaître les modes de livraison',
      ],
      topics: [
        "les frais d'annulation",
        'la politique de remboursement',
        'les options de livraison',
        'la garantie',
      ],
    },
    payment_issue: {
      actions: [
        'résoudre un problème de paiement',
        'signaler un double débit',
        'payer ma commande, ma carte est refusée',
      ],
      topics: ['un problème de paiement', 'un prélèvement que je ne reconnais pas'],
    },
    account: {
      actions: [
        'créer un compte',
        'supprimer mon compte',
        'récupérer mon mot de passe',
        'modifier les informations de mon compte',
        "m'inscrire",
        'changer de compte',
        'ajouter une adresse de livraison à mon profil',
      ],
      topics: ['mon compte', "un problème d'inscription", 'mon mot de passe'],
    },
    human_agent: {
      actions: [
        'parler à une personne',
        'contacter le service client',
        'parler à un conseiller',
        'joindre le service client',
      ],
      topics: ['le numéro du service client', 'parler à un humain'],
    },
    complaint: {
      actions: ['déposer une plainte', 'faire une réclamation', 'me plaindre du service'],
      topics: ['une plainte', 'une réclamation sur le service'],
    },
  },
  [
    "j'ai besoin d'aide pour {}",
    'pouvez-vous m’aider à {}?',
    'comment puis-je {}?',
    'je veux {}',
    'je voudrais {}',
    'je souhaite {}',
    'où puis-je {}?',
    'bonjour, je voudrais {}',
    'est-il possible de {}?',
    "j'aimerais {}",
  ],
  ["j'ai besoin d'informations sur {}", "j'ai une question sur {}", 'aide pour {}', 'je me renseigne sur {}'],
  2,
);

export const DE_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'meine Bestellung verfolgen',
        'wissen, wo mein Paket ist',
        'den Status der Bestellung {{Order Number}} prüfen',
        'wissen, wann meine Bestellung ankommt',
        'die Sendungsnummer meiner Bestellung bekommen',
        'wissen, wie lange die Lieferung meiner Bestellung dauert',
      ],
      topics: [
        'den Status meiner Bestellung',
        'das Lieferdatum meiner Bestellung',
        'die Sendungsverfolgung meines Pakets',
      ],
    },
    cancel_order: {
      actions: [
        'meine Bestellung stornieren',
        'die Bestellung {{Order Number}} stornieren',
        'meinen Kauf stornieren',
        'eine gestern aufgegebene Bestellung stornieren',
      ],
      topics: ['die Stornierung meiner Bestellung', 'das Stornieren eines Kaufs'],
    },
    change_order: {
      actions: [
        'die Lieferadresse meiner Bestellung ändern',
        'die Bestellung {{Order Number}} ändern',
        'einen Artikel zu meiner Bestellung hinzufügen',
        'die Lieferadresse korrigieren',
        'die Größe eines Artikels in meiner Bestellung ändern',
      ],
      topics: ['eine Änderung meiner Bestellung', 'die Lieferadresse meiner Bestellung'],
    },
    return_request: {
      actions: [
        'einen Artikel zurücksenden',
        'eine Rückerstattung beantragen',
        'mein Geld zurückbekommen',
        'die Bestellung {{Order Number}} zurückgeben',
        'etwas zurückschicken',
      ],
      topics: ['eine Rücksendung', 'eine Rückerstattung beantragen'],
    },
    refund_status: {
      actions: [
        'den Status meiner Rückerstattung prüfen',
        'wissen, wann ich mein Geld zurückbekomme',
        'prüfen, ob meine Rückerstattung bearbeitet wurde',
        'meine Rückerstattung verfolgen',
      ],
      topics: ['den Stand meiner Rückerstattung', 'eine Erstattung, die nicht angekommen ist'],
      sentences: [
        'ich warte immer noch auf meine Rückerstattung',
        'wurde meine Erstattung schon überwiesen?',
      ],
    },
    policy_question: {
      actions: [
        'eure Rückgaberichtlinie kennen',
        'wissen, ob eine Stornogebühr anfällt',
        'die Versandoptionen sehen',
        'die Liefermethoden kennen',
      ],
      topics: ['die Stornogebühr', 'die Erstattungsrichtlinie', 'die Versandoptionen', 'die Garantie'],
    },
    payment_issue: {
      actions: [
        'ein Zahlungsproblem lösen',
        'eine doppelte Abbuchung melden',
        'meine Bestellung bezahlen, die Karte wird abgelehnt',
      ],
      topics: ['ein Problem mit der Zahlung', 'eine Abbuchung, die ich nicht kenne'],
    },
    account: {
      actions: [
        'ein Konto erstellen',
        'mein Konto löschen',
        'mein Passwort wiederherstellen',
        'meine Kontodaten ändern',
        'mich registrieren',
        'das Konto wechseln',
        'eine Lieferadresse in meinem Profil hinzufügen',
      ],
      topics: ['mein Kundenkonto', 'ein Problem bei der Registrierung', 'mein Passwort'],
    },
    human_agent: {
      actions: [
        'mit einem Menschen sprechen',
        'den Kundenservice kontaktieren',
        'mit einem Mitarbeiter sprechen',
        'den Kundendienst erreichen',
      ],
      topics: ['die Telefonnummer des Kundenservice', 'ein Gespräch mit einem Menschen'],
    },
    complaint: {
      actions: [
        'eine Beschwerde einreichen',
        'mich über den Service beschweren',
        'eine Reklamation einreichen',
      ],
      topics: ['eine Beschwerde', 'eine Beschwerde über den Service'],
    },
  },
  [
    'ich brauche Hilfe, um {}',
    'können Sie mir helfen, {}?',
    'wie kann ich {}?',
    'ich möchte {}',
    'ich will {}',
    'ich würde gern {}',
    'wo kann ich {}?',
    'hallo, ich möchte {}',
    'ist es möglich, {}?',
    'ich muss {}',
  ],
  ['ich brauche Informationen über {}', 'ich habe eine Frage zu {}', 'Hilfe bei {}', 'eine Frage über {}'],
  2,
);

export const PT_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'rastrear meu pedido',
        'saber onde está minha encomenda',
        'ver o status do pedido {{Order Number}}',
        'saber quando meu pedido chega',
        'saber quanto tempo demora a entrega do meu pedido',
      ],
      topics: ['o status do meu pedido', 'a data de entrega da minha compra'],
    },
    cancel_order: {
      actions: ['cancelar meu pedido', 'cancelar o pedido {{Order Number}}', 'cancelar minha compra'],
      topics: ['o cancelamento do meu pedido'],
    },
    change_order: {
      actions: [
        'mudar o endereço de entrega do meu pedido',
        'alterar o pedido {{Order Number}}',
        'adicionar um item ao meu pedido',
        'corrigir o endereço de entrega',
      ],
      topics: ['uma alteração no meu pedido'],
    },
    return_request: {
      actions: [
        'devolver um produto',
        'pedir um reembolso',
        'receber meu dinheiro de volta',
        'devolver o pedido {{Order Number}}',
      ],
      topics: ['uma devolução', 'como pedir reembolso'],
    },
    refund_status: {
      actions: [
        'ver o status do meu reembolso',
        'saber quando vou receber meu reembolso',
        'verificar se meu reembolso foi processado',
      ],
      topics: ['o status do meu reembolso'],
      sentences: ['ainda estou esperando meu reembolso'],
    },
    policy_question: {
      actions: [
        'ver a política de devolução',
        'saber se há taxa de cancelamento',
        'ver as opções de entrega',
      ],
      topics: ['a taxa de cancelamento', 'a política de reembolso', 'as opções de frete'],
    },
    payment_issue: {
      actions: ['resolver um problema com o pagamento', 'informar uma cobrança duplicada'],
      topics: ['um problema no pagamento'],
    },
    account: {
      actions: [
        'criar uma conta',
        'excluir minha conta',
        'recuperar minha senha',
        'alterar os dados da minha conta',
        'me cadastrar',
        'trocar de conta',
      ],
      topics: ['minha conta', 'um problema no cadastro'],
    },
    human_agent: {
      actions: ['falar com uma pessoa', 'falar com o atendimento ao cliente', 'falar com um atendente'],
      topics: ['o telefone do atendimento'],
    },
    complaint: {
      actions: ['fazer uma reclamação', 'registrar uma queixa'],
      topics: ['uma reclamação'],
    },
  },
  [
    'preciso de ajuda para {}',
    'você pode me ajudar a {}?',
    'como posso {}?',
    'quero {}',
    'gostaria de {}',
    'onde posso {}?',
    'olá, quero {}',
    'é possível {}?',
  ],
  ['preciso de informações sobre {}', 'tenho uma dúvida sobre {}', 'ajuda com {}'],
  2,
);

export const IT_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'tracciare il mio ordine',
        'sapere dove si trova il mio pacco',
        "verificare lo stato dell'ordine {{Order Number}}",
        'sapere quando arriva il mio ordine',
        'sapere quanto tempo ci vuole per la consegna del mio ordine',
      ],
      topics: ['lo stato del mio ordine', 'la data di consegna del mio acquisto'],
    },
    cancel_order: {
      actions: [
        'annullare il mio ordine',
        "annullare l'ordine {{Order Number}}",
        'annullare il mio acquisto',
      ],
      topics: ["l'annullamento del mio ordine"],
    },
    change_order: {
      actions: [
        "cambiare l'indirizzo di consegna del mio ordine",
        "modificare l'ordine {{Order Number}}",
        'aggiungere un articolo al mio ordine',
        "correggere l'indirizzo di spedizione",
      ],
      topics: ['una modifica al mio ordine'],
    },
    return_request: {
      actions: [
        'restituire un articolo',
        'chiedere un rimborso',
        'riavere i miei soldi',
        "rendere l'ordine {{Order Number}}",
      ],
      topics: ['un reso', 'come ottenere un rimborso'],
    },
    refund_status: {
      actions: [
        'verificare lo stato del mio rimborso',
        'sapere quando riceverò il rimborso',
        'controllare se il rimborso è stato elaborato',
      ],
      topics: ['lo stato del mio rimborso'],
      sentences: ['sto ancora aspettando il mio rimborso'],
    },
    policy_question: {
      actions: [
        'conoscere la politica di reso',
        "sapere se c'è una penale per l'annullamento",
        'vedere le opzioni di spedizione',
      ],
      topics: ['la penale di annullamento', 'la politica di rimborso', 'le opzioni di consegna'],
    },
    payment_issue: {
      actions: ['risolvere un problema con il pagamento', 'segnalare un doppio addebito'],
      topics: ['un problema di pagamento'],
    },
    account: {
      actions: [
        'creare un account',
        'eliminare il mio account',
        'recuperare la mia password',
        'modificare i dati del mio account',
        'registrarmi',
        'cambiare account',
      ],
      topics: ['il mio account', 'un problema con la registrazione'],
    },
    human_agent: {
      actions: ['parlare con una persona', "contattare l'assistenza clienti", 'parlare con un operatore'],
      topics: ["il numero dell'assistenza clienti"],
    },
    complaint: {
      actions: ['presentare un reclamo', 'lamentarmi del servizio'],
      topics: ['un reclamo'],
    },
  },
  [
    'ho bisogno di aiuto per {}',
    'potete aiutarmi a {}?',
    'come posso {}?',
    'voglio {}',
    'vorrei {}',
    'dove posso {}?',
    'ciao, vorrei {}',
    'è possibile {}?',
  ],
  ['ho bisogno di informazioni su {}', 'ho una domanda su {}', 'aiuto con {}'],
  2,
);
