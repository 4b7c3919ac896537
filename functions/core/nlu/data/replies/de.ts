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
  afterSales: {
    returnOpened:
      'Ich habe die Rücksendung {rmaId} für {item} aus Bestellung {orderId} eröffnet. Bitte senden Sie den Artikel bis {lastDay} zurück; das Rücksendeetikett kommt per E-Mail. {amount} erstatten wir, sobald er ankommt.',
    exchangeOpened:
      'Ich habe den Umtausch {rmaId} für {item} aus Bestellung {orderId} eröffnet. Bitte senden Sie den Artikel bis {lastDay} zurück; das Etikett kommt per E-Mail, und der Ersatz geht raus, sobald er ankommt.',
    returnNeedsPerson:
      'Ich habe die Rücksendung {rmaId} für {item} eröffnet. Eine Erstattung von {amount} muss eine Person aus unserem Team freigeben; sie bestätigt es Ihnen hier in Kürze.',
    returnAlreadyOpen: 'Für {item} gibt es bereits eine Rücksendung: {rmaId}, {state}.',
    returnRefused: 'Leider kann {item} aus Bestellung {orderId} nicht zurückgegeben werden: {why}',
    returnWhy: {
      not_delivered_yet:
        'der Artikel wurde noch nicht zugestellt. Sobald er ankommt, schreiben Sie mir, und ich starte die Rücksendung.',
      final_sale:
        'der Artikel ist vom Umtausch ausgeschlossen. Wenn er defekt ist, sagen Sie es mir, dann hilft Ihnen eine Person aus unserem Team.',
      outside_window:
        'die Rückgabefrist endete am {lastDay}. Ist der Artikel defekt, kann eine Person aus unserem Team ihn prüfen.',
      already_returned: 'er wurde bereits zurückgegeben.',
      other:
        'unsere Rückgaberegeln erlauben es nicht. Eine Person aus unserem Team kann es mit Ihnen ansehen.',
    },
    askWhichItem: 'Um welchen Artikel geht es? {items}',
    returnStatus: 'Rücksendung {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'wartet auf unsere Genehmigung; wir melden uns bei Ihnen, sobald entschieden ist',
      approved: 'genehmigt, wir warten auf Ihre Rücksendung',
      in_transit: 'auf dem Weg zu uns',
      received: 'angekommen, wird geprüft',
      refunded: 'erstattet',
      exchanged: 'umgetauscht, der Ersatz ist unterwegs',
      rejected: 'nicht angenommen; eine Person aus unserem Team erklärt Ihnen den Grund',
    },
    noReturns: 'Ich finde keine Rücksendung zu Bestellung {orderId}. Möchten Sie eine starten?',
    cancelled:
      'Bestellung {orderId} ist storniert. {amount} wird auf Ihre ursprüngliche Zahlungsart erstattet.',
    cancelNeedsPerson:
      'Bestellung {orderId} ist noch nicht versandt. Wegen des Betrags ({amount}) bestätigt eine Person aus unserem Team die Stornierung hier in Kürze.',
    cancelShipped:
      'Bestellung {orderId} ist bereits versandt und kann nicht mehr storniert werden. Nach der Zustellung können Sie sie zurückschicken: Sagen Sie einfach Bescheid.',
    cancelNotPossible:
      'Bestellung {orderId} kann hier nicht storniert werden. Eine Person aus unserem Team hilft Ihnen gern.',
    changeRequested:
      'Bestellung {orderId} ist noch nicht versandt und kann noch geändert werden. Ich habe Ihren Wunsch an unser Team weitergegeben (Ticket {ticketId}); es bestätigt hier vor dem Versand.',
    changeAskValue: 'Welche Größe oder Farbe möchten Sie stattdessen?',
    changeShipped:
      'Bestellung {orderId} ist bereits versandt und kann nicht mehr geändert werden. Nach der Zustellung kann ich einen Umtausch für Sie einrichten.',
    changeNotPossible:
      'Ich kann Bestellung {orderId} nicht selbst ändern. Eine Person aus unserem Team hilft Ihnen gern.',
    sizeAdvice: 'Für {product} empfehle ich Ihnen Größe {size}.',
    sizeReturnsNote:
      'Das ist eine Größe neben der Tabelle: Kunden, die ihn zurückgeschickt haben, fanden die Passform anders.',
    sizeReasonChart: 'Ihre Maße ({measured}) liegen laut Größentabelle im Bereich von Größe {size}.',
    sizeReasonBetween:
      'Ihre Maße ({measured}) liegen laut Größentabelle zwischen {lower} und {upper}, daher habe ich {size} gewählt.',
    sizeAskBody:
      'Damit ich Ihnen eine Größe für {product} empfehlen kann, nennen Sie mir bitte Körpergröße und Gewicht (zum Beispiel 170 cm und 65 kg).',
    sizeAskFoot:
      'Damit ich Ihnen eine Größe für {product} empfehlen kann, nennen Sie mir bitte Ihre Fußlänge, von der Ferse bis zum längsten Zeh (zum Beispiel 26,5 cm).',
    sizeAskProduct: 'Für welches Produkt möchten Sie eine Größenberatung? Zum Beispiel: {products}.',
    sizeCannot:
      'Mit diesen Maßen möchte ich keine Größe für {product} raten. Bitte prüfen Sie sie, oder ich frage eine Person aus unserem Team.',
    knowledgeSource: 'Quelle: {source}',
    offerFollowUp:
      'Sie haben auch gefragt: „{request}“. Soll ich Ihnen als Nächstes dabei helfen? Sagen Sie einfach ja.',
    knowledgeOtherLanguage: 'Diese Antwort gibt es nur in der Sprache des Shops ({language}).',
    noAnswer:
      'Das weiß ich leider nicht, und ich möchte nichts erfinden. Ich bitte eine Person aus unserem Team dazu; sie antwortet Ihnen hier in Kürze.',
    claimOpened:
      'Das tut mir leid. Ich habe den Fall {claimId} eröffnet und an das zuständige Team weitergegeben; eine Person antwortet Ihnen hier in Kürze.',
    askPhoto:
      'Wenn möglich, schicken Sie ein Foto des Artikels und seines Etiketts über die Kamera-Taste: So können wir es schneller klären.',
    paymentNote: 'Bitte senden Sie niemals Kartennummern im Chat.',
  },
};
