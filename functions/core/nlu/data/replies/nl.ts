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
  afterSales: {
    returnOpened:
      'Ik heb retour {rmaId} geopend voor {item} uit bestelling {orderId}. Stuur het terug vóór {lastDay}; het retourlabel komt per e-mail. We betalen {amount} terug zodra het binnen is.',
    exchangeOpened:
      'Ik heb ruil {rmaId} geopend voor {item} uit bestelling {orderId}. Stuur het terug vóór {lastDay}; het label komt per e-mail en we versturen de vervanging zodra het binnen is.',
    returnNeedsPerson:
      'Ik heb retour {rmaId} geopend voor {item}. Een terugbetaling van {amount} moet door iemand van ons team worden goedgekeurd; die bevestigt het hier binnenkort.',
    returnAlreadyOpen: 'Er is al een retour voor {item}: {rmaId}, {state}.',
    returnRefused: 'Sorry, {item} uit bestelling {orderId} kan niet worden geretourneerd: {why}',
    returnWhy: {
      not_delivered_yet:
        'het is nog niet bezorgd. Zodra het er is, stuur me een bericht en ik start de retour.',
      final_sale:
        'het is een artikel uit de eindverkoop. Is het defect, laat het me weten en iemand van ons team helpt je.',
      outside_window:
        'de retourtermijn liep af op {lastDay}. Is het defect, dan kan iemand van ons team ernaar kijken.',
      already_returned: 'het is al geretourneerd.',
      other: 'ons retourbeleid staat het niet toe. Iemand van ons team kan het met je bekijken.',
    },
    askWhichItem: 'Om welk artikel gaat het? {items}',
    returnStatus: 'Retour {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'wacht op onze goedkeuring; we laten het je weten zodra er een besluit is',
      approved: 'goedgekeurd, we wachten tot je het artikel terugstuurt',
      in_transit: 'onderweg naar ons',
      received: 'ontvangen, wordt gecontroleerd',
      refunded: 'terugbetaald',
      exchanged: 'geruild, de vervanging is onderweg',
      rejected: 'niet geaccepteerd; iemand van ons team legt uit waarom',
    },
    noReturns: 'Ik vind geen retour voor bestelling {orderId}. Wil je er een starten?',
    cancelled:
      'Bestelling {orderId} is geannuleerd. {amount} wordt teruggestort via je oorspronkelijke betaalmethode.',
    cancelNeedsPerson:
      'Bestelling {orderId} is nog niet verzonden. Vanwege het bedrag ({amount}) bevestigt iemand van ons team de annulering hier binnenkort.',
    cancelShipped:
      'Bestelling {orderId} is al verzonden en kan niet meer worden geannuleerd. Zodra ze er is, kun je ze retourneren: laat het me weten.',
    cancelNotPossible:
      'Bestelling {orderId} kan hier niet worden geannuleerd. Iemand van ons team kan je helpen.',
    changeRequested:
      'Bestelling {orderId} is nog niet verzonden en kan dus nog worden gewijzigd. Ik heb je verzoek doorgegeven aan ons team (ticket {ticketId}); zij bevestigen hier vóór verzending.',
    changeAskValue: 'Welke maat of kleur wil je in plaats daarvan?',
    changeShipped:
      'Bestelling {orderId} is al verzonden en kan niet meer worden gewijzigd. Zodra ze er is, kan ik een ruil voor je regelen.',
    changeNotPossible: 'Ik kan bestelling {orderId} niet zelf wijzigen. Iemand van ons team kan je helpen.',
    sizeAdvice: 'Voor {product} raad ik maat {size} aan.',
    sizeReturnsNote:
      'Dat is één maat naast de tabel: klanten die het terugstuurden vonden dat het anders valt.',
    sizeReasonChart: 'Je maten ({measured}) vallen in de maattabel binnen maat {size}.',
    sizeReasonBetween:
      'Je maten ({measured}) liggen in de maattabel tussen {lower} en {upper}, dus ik koos {size}.',
    sizeAskBody:
      'Om een maat voor {product} aan te raden, heb ik je lengte en gewicht nodig (bijvoorbeeld 170 cm en 65 kg).',
    sizeAskFoot:
      'Om een maat voor {product} aan te raden, heb ik de lengte van je voet nodig, van hiel tot langste teen (bijvoorbeeld 26,5 cm).',
    sizeAskProduct: 'Voor welk product wil je maatadvies? Bijvoorbeeld: {products}.',
    sizeCannot:
      'Met deze maten gok ik liever geen maat voor {product}. Controleer ze, of ik vraag iemand van ons team.',
    knowledgeSource: 'Bron: {source}',
    offerFollowUp: 'Je vroeg ook: ‘{request}’. Zal ik je daarna daarmee helpen? Zeg gewoon ja.',
    knowledgeOtherLanguage: 'Dit antwoord is alleen beschikbaar in de taal van de winkel ({language}).',
    noAnswer:
      'Dat weet ik niet en ik wil niets verzinnen. Ik vraag iemand van ons team; die antwoordt hier binnenkort.',
    claimOpened:
      'Wat vervelend. Ik heb zaak {claimId} geopend en doorgegeven aan het verantwoordelijke team; iemand antwoordt hier binnenkort.',
    askPhoto:
      'Stuur als het kan een foto van het artikel en het etiket met de cameraknop: zo lossen we het sneller op.',
    paymentNote: 'Stuur nooit kaartnummers in de chat.',
  },
};
