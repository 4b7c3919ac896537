import type { ReplyTexts } from './types';

export const DE: ReplyTexts = {
  orderStatus: {
    pending: 'eingegangen und wartet auf Bestätigung',
    paid: 'bezahlt und wartet auf die Bearbeitung',
    processing: 'in Bearbeitung',
    shipped: 'versandt',
    delivered: 'zugestellt',
    cancelled: 'storniert',
    returned: 'zurückgesendet',
  },
  shipmentStatus: {
    label_created: 'verpackt und wartet auf die Abholung durch den Versanddienst',
    in_transit: 'unterwegs',
    out_for_delivery: 'in der Zustellung',
    delivered: 'zugestellt',
    exception: 'durch ein Zustellproblem verzögert',
    customs_hold: 'beim Zoll',
    returned: 'auf dem Rückweg zu uns',
  },
  orderSummary: 'Ihre Bestellung {orderId} ({items}) ist {status}.',
  notShippedYet: 'Sie wurde noch nicht versandt.',
  carrier: 'Versanddienst: {carrier}, Sendungsnummer {trackingNumber}.',
  lastEvent: 'Letzte Meldung, {date} in {location}: {description}.',
  lastEventNoLocation: 'Letzte Meldung, {date}: {description}.',
  estimatedDelivery: 'Voraussichtliche Zustellung: {date}.',
  chooseOrder: 'Ich habe {count} aktuelle Bestellungen in Ihrem Konto gefunden. Welche meinen Sie?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Ich habe keine Bestellungen in Ihrem Konto gefunden. Falls Sie mit einer anderen E-Mail-Adresse bestellt haben, kann ein Mitarbeiter aus unserem Team nachsehen.',
  orderNotFound:
    'Diese Bestellung habe ich in Ihrem Konto nicht gefunden. Bitte prüfen Sie die Bestellnummer, oder ich bitte einen Mitarbeiter aus unserem Team um Hilfe.',
  askOrderNumber:
    'Können Sie mir Ihre Bestellnummer schicken? Sie steht in Ihrer Bestellbestätigung per E-Mail.',
  greeting:
    'Hallo! Ich bin der Assistent des Shops. Ich kann Ihnen sagen, wo Ihre Bestellung ist, oder einen Mitarbeiter aus unserem Team holen. Wie kann ich helfen?',
  thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
  outOfScope:
    'Hier helfe ich Ihnen bei Ihren Bestellungen: Lieferung, Rücksendung, Umtausch, Größen und Produkte. Was kann ich für Sie tun?',
  handoff:
    'Natürlich. Ich bitte einen Mitarbeiter aus unserem Team in diesen Chat; er antwortet Ihnen hier in Kürze.',
  videoCall:
    'Gern. Ich bitte einen Mitarbeiter aus unserem Team dazu; er kann hier im Chat einen Videoanruf mit Ihnen starten.',
  teamWillHelp:
    'Danke, ich habe das notiert. Ein Mitarbeiter aus unserem Team hilft Ihnen hier in Kürze weiter. Bis dahin kann ich Ihnen sagen, wo Ihre Bestellung ist.',
  unsure:
    'Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Ich bitte einen Mitarbeiter aus unserem Team um Hilfe; er antwortet Ihnen hier in Kürze.',
  itemSize: 'Größe {size}',
  listSeparator: ', ',
};
