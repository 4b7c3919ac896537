import type { ReplyTexts } from './types';

export const IT: ReplyTexts = {
  orderStatus: {
    pending: 'ricevuto e in attesa di conferma',
    paid: 'pagato e in attesa di preparazione',
    processing: 'in preparazione',
    shipped: 'spedito',
    delivered: 'consegnato',
    cancelled: 'annullato',
    returned: 'reso',
  },
  shipmentStatus: {
    label_created: 'imballato e in attesa del ritiro da parte del corriere',
    in_transit: 'in viaggio',
    out_for_delivery: 'in consegna',
    delivered: 'consegnato',
    exception: 'in ritardo per un problema di consegna',
    customs_hold: 'fermo in dogana',
    returned: 'in viaggio di ritorno verso di noi',
  },
  orderSummary: 'Il tuo ordine {orderId} ({items}) è {status}.',
  notShippedYet: 'Non è ancora stato spedito.',
  carrier: 'Corriere: {carrier}, numero di tracciamento {trackingNumber}.',
  lastEvent: 'Ultimo aggiornamento, {date} a {location}: {description}.',
  lastEventNoLocation: 'Ultimo aggiornamento, {date}: {description}.',
  estimatedDelivery: 'Consegna prevista: {date}.',
  chooseOrder: 'Ho trovato {count} ordini recenti nel tuo account. A quale ti riferisci?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Non ho trovato ordini nel tuo account. Se hai ordinato con un altro indirizzo email, una persona del nostro team può cercarlo per te.',
  orderNotFound:
    "Non ho trovato quell'ordine nel tuo account. Controlla il numero d'ordine, oppure posso chiedere aiuto a una persona del nostro team.",
  askOrderNumber: "Mi mandi il numero d'ordine? Lo trovi nell'email di conferma dell'ordine.",
  greeting:
    'Ciao! Sono l’assistente del negozio. Posso dirti dove si trova il tuo ordine o chiamare una persona del nostro team. Come posso aiutarti?',
  thanks: 'Prego! Posso aiutarti con qualcos’altro?',
  outOfScope:
    'Qui posso aiutarti con i tuoi ordini: consegne, resi, cambi, taglie e prodotti. Cosa posso fare per te?',
  handoff: 'Certo. Chiedo a una persona del nostro team di unirsi alla chat; ti risponderà qui a breve.',
  videoCall:
    'Certo. Chiedo a una persona del nostro team di unirsi; potrà avviare una videochiamata con te direttamente qui in chat.',
  teamWillHelp:
    'Grazie, ne ho preso nota. Una persona del nostro team ti aiuterà qui a breve. Nel frattempo posso dirti dove si trova il tuo ordine.',
  unsure:
    'Non sono sicuro di aver capito. Chiedo aiuto a una persona del nostro team; ti risponderà qui a breve.',
  itemSize: 'taglia {size}',
  listSeparator: ', ',
  afterSales: {
    returnOpened:
      'Ho aperto il reso {rmaId} per {item} dell’ordine {orderId}. Rispediscilo entro il {lastDay}; l’etichetta di reso arriva via e-mail. Ti rimborseremo {amount} appena lo riceviamo.',
    exchangeOpened:
      'Ho aperto il cambio {rmaId} per {item} dell’ordine {orderId}. Rispediscilo entro il {lastDay}; l’etichetta arriva via e-mail e spediremo la sostituzione appena lo riceviamo.',
    returnNeedsPerson:
      'Ho aperto il reso {rmaId} per {item}. Un rimborso di {amount} deve essere approvato da una persona del nostro team; te lo confermerà qui a breve.',
    returnAlreadyOpen: 'Esiste già un reso per {item}: {rmaId}, {state}.',
    returnRefused: 'Mi dispiace, {item} dell’ordine {orderId} non può essere reso: {why}',
    returnWhy: {
      not_delivered_yet: 'non è ancora stato consegnato. Quando arriva, scrivimi e avvierò il reso.',
      final_sale:
        'è un articolo in vendita finale. Se è difettoso, dimmelo e una persona del nostro team ti aiuterà.',
      outside_window:
        'il periodo di reso è terminato il {lastDay}. Se è difettoso, una persona del nostro team può verificarlo.',
      already_returned: 'è già stato reso.',
      other:
        'la nostra politica di reso non lo consente. Una persona del nostro team può verificarlo con te.',
    },
    askWhichItem: 'Di quale articolo si tratta? {items}',
    returnStatus: 'Reso {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'in attesa della nostra approvazione; ti avviseremo appena sarà deciso',
      approved: 'approvato, in attesa che tu rispedisca l’articolo',
      in_transit: 'in viaggio verso di noi',
      received: 'ricevuto, in verifica',
      refunded: 'rimborsato',
      exchanged: 'cambiato, la sostituzione è in arrivo',
      rejected: 'non accettato; una persona del nostro team ti spiegherà il motivo',
    },
    noReturns: 'Non trovo resi per l’ordine {orderId}. Vuoi avviarne uno?',
    cancelled: 'L’ordine {orderId} è annullato. Ti rimborseremo {amount} sul metodo di pagamento originale.',
    cancelNeedsPerson:
      'L’ordine {orderId} non è ancora stato spedito. Per l’importo ({amount}), una persona del nostro team confermerà l’annullamento qui a breve.',
    cancelShipped:
      'L’ordine {orderId} è già stato spedito e non può più essere annullato. Quando arriva, puoi renderlo: basta dirmelo.',
    cancelNotPossible:
      'L’ordine {orderId} non può essere annullato qui. Una persona del nostro team può aiutarti.',
    changeRequested:
      'L’ordine {orderId} non è ancora stato spedito, quindi si può ancora modificare. Ho passato la tua richiesta al nostro team (ticket {ticketId}); te lo confermeranno qui prima della spedizione.',
    changeAskValue: 'Quale taglia o colore vorresti invece?',
    changeShipped:
      'L’ordine {orderId} è già stato spedito e non può più essere modificato. Quando arriva, posso organizzare un cambio.',
    changeNotPossible:
      'Non posso modificare l’ordine {orderId} da solo. Una persona del nostro team può aiutarti.',
    sizeAdvice: 'Per {product} ti consiglio la taglia {size}.',
    sizeReturnsNote: 'È una taglia diversa dalla tabella: chi l’ha reso ha trovato che veste diversamente.',
    sizeReasonChart: 'Le tue misure ({measured}) rientrano nella taglia {size} della sua tabella taglie.',
    sizeReasonBetween:
      'Le tue misure ({measured}) stanno tra la {lower} e la {upper} della sua tabella taglie, quindi ho scelto la {size}.',
    sizeAskBody:
      'Per consigliarti una taglia di {product}, dimmi altezza e peso (per esempio 170 cm e 65 kg).',
    sizeAskFoot:
      'Per consigliarti una misura di {product}, dimmi la lunghezza del piede, dal tallone alla punta del dito più lungo (per esempio 26,5 cm).',
    sizeAskProduct: 'Per quale prodotto vuoi un consiglio sulla taglia? Per esempio: {products}.',
    sizeCannot:
      'Preferisco non tirare a indovinare una taglia di {product} con queste misure. Controllale, oppure chiedo a una persona del nostro team.',
    knowledgeSource: 'Fonte: {source}',
    offerFollowUp: 'Hai anche chiesto: «{request}». Vuoi che ti aiuti con questo dopo? Basta dire sì.',
    knowledgeOtherLanguage: 'Questa risposta è disponibile solo nella lingua del negozio ({language}).',
    noAnswer:
      'Non conosco la risposta e preferisco non inventarla. Chiedo a una persona del nostro team; ti risponderà qui a breve.',
    claimOpened:
      'Mi dispiace. Ho aperto la pratica {claimId} e l’ho passata al team responsabile; una persona ti risponderà qui a breve.',
    askPhoto:
      'Se puoi, invia una foto dell’articolo e della sua etichetta con il pulsante della fotocamera: ci aiuta a risolvere prima.',
    paymentNote: 'Non inviare mai numeri di carta nella chat.',
  },
};
