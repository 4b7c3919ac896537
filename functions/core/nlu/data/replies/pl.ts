import type { ReplyTexts } from './types';

export const PL: ReplyTexts = {
  orderStatus: {
    pending: 'przyjęte, czeka na potwierdzenie',
    paid: 'opłacone, czeka na przygotowanie',
    processing: 'w przygotowaniu',
    shipped: 'wysłane',
    delivered: 'doręczone',
    cancelled: 'anulowane',
    returned: 'zwrócone',
  },
  shipmentStatus: {
    label_created: 'spakowane, czeka na odbiór przez przewoźnika',
    in_transit: 'w drodze',
    out_for_delivery: 'wydane do doręczenia',
    delivered: 'doręczone',
    exception: 'opóźnione z powodu problemu z doręczeniem',
    customs_hold: 'zatrzymane w urzędzie celnym',
    returned: 'wraca do nas',
  },
  orderSummary: 'Twoje zamówienie {orderId} ({items}): {status}.',
  notShippedYet: 'Jeszcze nie zostało wysłane.',
  carrier: 'Przewoźnik: {carrier}, numer przesyłki {trackingNumber}.',
  lastEvent: 'Ostatnia aktualizacja, {date}, {location}: {description}.',
  lastEventNoLocation: 'Ostatnia aktualizacja, {date}: {description}.',
  estimatedDelivery: 'Przewidywana dostawa: {date}.',
  chooseOrder: 'Na Twoim koncie znalazłem kilka ostatnich zamówień ({count}). O które chodzi?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Nie znalazłem zamówień na Twoim koncie. Jeśli zamawiałeś z innego adresu e-mail, osoba z naszego zespołu może je odszukać.',
  orderNotFound:
    'Nie znalazłem tego zamówienia na Twoim koncie. Sprawdź numer zamówienia albo poproszę o pomoc osobę z naszego zespołu.',
  askOrderNumber: 'Czy możesz podać numer zamówienia? Znajdziesz go w e-mailu z potwierdzeniem zamówienia.',
  greeting:
    'Dzień dobry! Jestem asystentem sklepu. Mogę sprawdzić, gdzie jest Twoje zamówienie, albo poprosić osobę z naszego zespołu. W czym mogę pomóc?',
  thanks: 'Nie ma za co! Czy mogę pomóc w czymś jeszcze?',
  outOfScope:
    'Tutaj pomagam w sprawie zamówień: dostawy, zwroty, wymiany, rozmiary i produkty. W czym mogę pomóc?',
  handoff: 'Oczywiście. Proszę osobę z naszego zespołu o dołączenie do czatu; wkrótce odpowie tutaj.',
  videoCall:
    'Jasne. Proszę osobę z naszego zespołu o dołączenie; może rozpocząć z Tobą rozmowę wideo tutaj, w czacie.',
  teamWillHelp:
    'Dziękuję, zanotowałem to. Osoba z naszego zespołu wkrótce pomoże Ci tutaj. W międzyczasie mogę sprawdzić, gdzie jest Twoje zamówienie.',
  unsure:
    'Nie jestem pewien, czy dobrze rozumiem. Proszę o pomoc osobę z naszego zespołu; wkrótce odpowie tutaj.',
  itemSize: 'rozmiar {size}',
  listSeparator: ', ',
};
