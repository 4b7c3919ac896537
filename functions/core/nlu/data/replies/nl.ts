import type { ReplyTexts } from './types';

export const NL: ReplyTexts = {
  orderStatus: {
    pending: 'ontvangen en wacht op bevestiging',
    paid: 'betaald en wacht op verwerking',
    processing: 'in behandeling',
    shipped: 'verzonden',
    delivered: 'bezorgd',
    cancelled: 'geannuleerd',
    returned: 'geretourneerd',
  },
  shipmentStatus: {
    label_created: 'ingepakt en wacht op ophaling door de vervoerder',
    in_transit: 'onderweg',
    out_for_delivery: 'onderweg voor bezorging',
    delivered: 'bezorgd',
    exception: 'vertraagd door een bezorgprobleem',
    customs_hold: 'tegengehouden bij de douane',
    returned: 'op weg terug naar ons',
  },
  orderSummary: 'Je bestelling {orderId} ({items}) is {status}.',
  notShippedYet: 'Hij is nog niet verzonden.',
  carrier: 'Vervoerder: {carrier}, trackingnummer {trackingNumber}.',
  lastEvent: 'Laatste update, {date} in {location}: {description}.',
  lastEventNoLocation: 'Laatste update, {date}: {description}.',
  estimatedDelivery: 'Verwachte bezorging: {date}.',
  chooseOrder: 'Ik heb {count} recente bestellingen in je account gevonden. Welke bedoel je?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Ik heb geen bestellingen in je account gevonden. Heb je met een ander e-mailadres besteld, dan kan iemand van ons team het opzoeken.',
  orderNotFound:
    'Ik heb die bestelling niet in je account gevonden. Controleer het bestelnummer, of ik vraag iemand van ons team om je te helpen.',
  askOrderNumber: 'Kun je me je bestelnummer sturen? Je vindt het in de bevestigingsmail van je bestelling.',
  greeting:
    'Hallo! Ik ben de assistent van de winkel. Ik kan je vertellen waar je bestelling is, of iemand van ons team erbij halen. Waarmee kan ik helpen?',
  thanks: 'Graag gedaan! Kan ik je nog ergens anders mee helpen?',
  outOfScope:
    'Hier help ik je met je bestellingen: bezorging, retouren, ruilen, maten en producten. Wat kan ik voor je doen?',
  handoff:
    'Natuurlijk. Ik vraag iemand van ons team om deel te nemen aan deze chat; je krijgt hier snel antwoord.',
  videoCall:
    'Zeker. Ik vraag iemand van ons team erbij; die kan hier in de chat een videogesprek met je starten.',
  teamWillHelp:
    'Bedankt, ik heb het genoteerd. Iemand van ons team helpt je hier zo snel mogelijk. Intussen kan ik je vertellen waar je bestelling is.',
  unsure:
    'Ik weet niet zeker of ik je goed begrijp. Ik vraag iemand van ons team om je te helpen; je krijgt hier snel antwoord.',
  itemSize: 'maat {size}',
  listSeparator: ', ',
};
