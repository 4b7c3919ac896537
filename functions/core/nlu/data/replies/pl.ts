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
  afterSales: {
    returnOpened:
      'Otworzyłem zwrot {rmaId} dla {item} z zamówienia {orderId}. Odeślij go do {lastDay}; etykieta zwrotna przyjdzie e-mailem. Zwrócimy {amount}, gdy paczka do nas dotrze.',
    exchangeOpened:
      'Otworzyłem wymianę {rmaId} dla {item} z zamówienia {orderId}. Odeślij go do {lastDay}; etykieta przyjdzie e-mailem, a nowy produkt wyślemy, gdy paczka do nas dotrze.',
    returnNeedsPerson:
      'Otworzyłem zwrot {rmaId} dla {item}. Zwrot {amount} musi zatwierdzić osoba z naszego zespołu; potwierdzi to tutaj wkrótce.',
    returnAlreadyOpen: 'Dla {item} istnieje już zwrot: {rmaId}, {state}.',
    returnRefused: 'Niestety {item} z zamówienia {orderId} nie może zostać zwrócony: {why}',
    returnWhy: {
      not_delivered_yet: 'nie został jeszcze dostarczony. Gdy dotrze, napisz do mnie, a rozpocznę zwrot.',
      final_sale:
        'to produkt z wyprzedaży końcowej. Jeśli jest wadliwy, daj znać, a pomoże Ci osoba z naszego zespołu.',
      outside_window:
        'termin zwrotu minął {lastDay}. Jeśli produkt jest wadliwy, osoba z naszego zespołu może go sprawdzić.',
      already_returned: 'został już zwrócony.',
      other: 'nasze zasady zwrotów na to nie pozwalają. Osoba z naszego zespołu może to z Tobą sprawdzić.',
    },
    askWhichItem: 'Którego produktu to dotyczy? {items}',
    returnStatus: 'Zwrot {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'czeka na naszą akceptację; damy znać, gdy tylko zapadnie decyzja',
      approved: 'zatwierdzony, czekamy na odesłanie produktu',
      in_transit: 'w drodze do nas',
      received: 'otrzymany, w trakcie sprawdzania',
      refunded: 'zwrócone pieniądze',
      exchanged: 'wymieniony, nowy produkt jest w drodze',
      rejected: 'nieprzyjęty; osoba z naszego zespołu wyjaśni powód',
    },
    noReturns: 'Nie widzę zwrotu dla zamówienia {orderId}. Czy chcesz go rozpocząć?',
    cancelled: 'Zamówienie {orderId} zostało anulowane. {amount} wróci na Twoją pierwotną metodę płatności.',
    cancelNeedsPerson:
      'Zamówienie {orderId} nie zostało jeszcze wysłane. Ze względu na kwotę ({amount}) osoba z naszego zespołu potwierdzi anulowanie tutaj wkrótce.',
    cancelShipped:
      'Zamówienie {orderId} zostało już wysłane, więc nie można go anulować. Po dostawie możesz je zwrócić: wystarczy mi napisać.',
    cancelNotPossible: 'Zamówienia {orderId} nie można tu anulować. Osoba z naszego zespołu może Ci pomóc.',
    changeRequested:
      'Zamówienie {orderId} nie zostało jeszcze wysłane, więc można je zmienić. Przekazałem prośbę naszemu zespołowi (zgłoszenie {ticketId}); potwierdzi to tutaj przed wysyłką.',
    changeAskValue: 'Jaki rozmiar lub kolor chcesz zamiast tego?',
    changeShipped:
      'Zamówienie {orderId} zostało już wysłane, więc nie można go zmienić. Po dostawie mogę przygotować wymianę.',
    changeNotPossible: 'Nie mogę sam zmienić zamówienia {orderId}. Osoba z naszego zespołu może Ci pomóc.',
    sizeAdvice: 'Dla {product} polecam rozmiar {size}.',
    sizeReturnsNote: 'To rozmiar inny niż w tabeli: klienci, którzy go zwrócili, uznali, że leży inaczej.',
    sizeReasonChart: 'Twoje wymiary ({measured}) mieszczą się w rozmiarze {size} według tabeli rozmiarów.',
    sizeReasonBetween:
      'Twoje wymiary ({measured}) wypadają w tabeli rozmiarów między {lower} a {upper}, więc wybrałem {size}.',
    sizeAskBody: 'Aby polecić rozmiar {product}, podaj swój wzrost i wagę (na przykład 170 cm i 65 kg).',
    sizeAskFoot:
      'Aby polecić rozmiar {product}, podaj długość stopy, od pięty do najdłuższego palca (na przykład 26,5 cm).',
    sizeAskProduct: 'Dla którego produktu chcesz poradę rozmiarową? Na przykład: {products}.',
    sizeCannot:
      'Wolę nie zgadywać rozmiaru {product} przy tych wymiarach. Sprawdź je albo poproszę osobę z naszego zespołu.',
    knowledgeSource: 'Źródło: {source}',
    offerFollowUp:
      'Zapytano też: „{request}”. Czy mam w tym pomóc w następnej kolejności? Wystarczy napisać tak.',
    knowledgeOtherLanguage: 'Ta odpowiedź jest dostępna tylko w języku sklepu ({language}).',
    noAnswer:
      'Nie znam odpowiedzi i wolę nie zgadywać. Proszę o pomoc osobę z naszego zespołu; odpowie tutaj wkrótce.',
    claimOpened:
      'Przykro mi. Otworzyłem sprawę {claimId} i przekazałem ją odpowiedniemu zespołowi; ktoś odpowie tutaj wkrótce.',
    askPhoto:
      'Jeśli możesz, wyślij zdjęcie produktu i jego etykiety przyciskiem aparatu: pomoże nam to szybciej to rozwiązać.',
    paymentNote: 'Nigdy nie wysyłaj numerów kart na czacie.',
  },
};
