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
};
