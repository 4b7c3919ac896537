import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  type ComplaintCategory,
  type ComplaintRouting,
  categoriseComplaint,
  createComplaintMatcher,
  parseComplaintRouting,
  routeComplaint,
} from '../../functions/core/after-sales';
import { DEMO_COMPLAINT_ROUTING } from '../../functions/core/after-sales/demo-policy';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../functions/core/nlu/languages';
import { foldText } from '../../functions/core/text';

type Examples = Record<Exclude<ComplaintCategory, 'other'>, string>;

const EXAMPLES: Record<SupportedLanguage, Examples> = {
  en: {
    delivery: "My parcel still hasn't arrived and the tracking hasn't moved in a week",
    quality: 'The stitching came apart and the fabric faded after one wash',
    service: 'Your support agent was rude and nobody answered my emails',
    price: 'The price dropped two days after I bought it, way too expensive',
    website: 'The website keeps showing an error when I try to log in',
    payment: 'I was charged twice for the same order',
  },
  es: {
    delivery: 'Mi paquete no ha llegado y el repartidor no contesta',
    quality: 'La camiseta llegó rota y la calidad es pésima',
    service: 'La atención al cliente es un desastre, nadie responde a mis mensajes',
    price: 'El precio es demasiado caro comparado con otras tiendas',
    website: 'La página web no carga y la aplicación se cuelga',
    payment: 'Me cobraron dos veces con la tarjeta',
  },
  fr: {
    delivery: "Mon colis n'est toujours pas arrivé, le transporteur ne répond pas",
    quality: 'Le pull est arrivé déchiré et de mauvaise qualité',
    service: "Le service client est impoli et je n'ai reçu aucune réponse",
    price: 'Les prix sont trop chers par rapport aux autres boutiques',
    website: 'Le site plante quand je saisis mon mot de passe',
    payment: "J'ai été débité deux fois sur ma carte bancaire",
  },
  de: {
    delivery: 'Mein Paket ist immer noch nicht angekommen, die Lieferung ist verspätet',
    quality: 'Die Jacke ist nach einer Woche kaputt und die Qualität ist schlecht',
    service: 'Der Kundenservice ist unfreundlich und ich bekomme keine Antwort',
    price: 'Der Preis ist viel zu teuer',
    website: 'Die Webseite stürzt ab und ich kann mich nicht einloggen',
    payment: 'Mir wurde der Betrag doppelt abgebucht, bitte um Erstattung',
  },
  it: {
    delivery: 'Il pacco non è ancora arrivato e il corriere è in ritardo',
    quality: 'Le scarpe sono difettose, la suola si è rotta',
    service: 'Il servizio clienti è stato scortese, nessuno risponde',
    price: 'Il prezzo è troppo caro rispetto ad altri negozi',
    website: 'Il sito si blocca e non riesco ad accedere',
    payment: 'Mi è stato addebitato due volte il pagamento',
  },
  pt: {
    delivery: 'Minha encomenda nunca chegou e o rastreio não atualiza',
    quality: 'O produto veio quebrado e com defeito',
    service: 'O atendimento foi grosseiro e ninguém responde',
    price: 'O preço está muito caro, achei mais barato em outra loja',
    website: 'O aplicativo travou e não consigo entrar na conta',
    payment: 'Fui cobrado duas vezes no cartão',
  },
  nl: {
    delivery: 'Mijn pakket is nooit aangekomen en de bezorger reageert niet',
    quality: 'De rits is kapot en de kwaliteit is slecht',
    service: 'De klantenservice is onvriendelijk en ik krijg geen antwoord',
    price: 'De prijs is veel te duur',
    website: 'De website geeft een foutmelding bij het inloggen',
    payment: 'Het bedrag is dubbel afgeschreven van mijn creditcard',
  },
  pl: {
    delivery: 'Moja paczka nie dotarła, kurier się nie pojawił',
    quality: 'Buty są uszkodzone i słabej jakości',
    service: 'Obsługa klienta jest niegrzeczna, brak odpowiedzi od tygodnia',
    price: 'Cena jest za wysoka, u konkurencji jest taniej',
    website: 'Strona się zawiesza i nie mogę się zalogować',
    payment: 'Płatność została pobrana dwa razy z mojej karty',
  },
  ru: {
    delivery: 'Моя посылка так и не пришла, курьер не звонил',
    quality: 'Куртка порвалась, качество ужасное',
    service: 'Служба поддержки грубит и никто не отвечает',
    price: 'Цена слишком высокая, у других дешевле',
    website: 'Сайт выдаёт ошибку, не могу войти в личный кабинет',
    payment: 'С карты дважды списали деньги за оплату',
  },
  tr: {
    delivery: 'Kargom hala gelmedi, teslimat çok gecikti',
    quality: 'Ürün kırık geldi, kalitesi çok kötü',
    service: 'Müşteri hizmetleri çok kaba, kimse cevap vermiyor',
    price: 'Fiyatı çok pahalı, başka yerde daha ucuz',
    website: 'Uygulama sürekli hata veriyor ve şifre kabul edilmiyor',
    payment: 'Kartımdan iki kez ödeme çekildi',
  },
  ar: {
    delivery: 'لم يصل الطرد حتى الآن والتوصيل متأخر جدا',
    quality: 'المنتج وصل مكسور والجودة سيئة',
    service: 'خدمة العملاء سيئة ولا أحد يرد على رسائلي',
    price: 'السعر غالي جدا مقارنة بالمتاجر الأخرى',
    website: 'الموقع لا يفتح وتسجيل الدخول لا يعمل',
    payment: 'تم سحب المبلغ من بطاقتي مرتين',
  },
  zh: {
    delivery: '我的包裹到现在还没到，物流一直不更新',
    quality: '衣服洗了一次就掉色了，质量太差',
    service: '客服态度很差，发消息也不回复',
    price: '价格太贵了，别家便宜很多',
    website: '网站登录不了，APP一直闪退',
    payment: '同一笔订单被扣款两次，请退款',
  },
  ja: {
    delivery: '荷物がまだ届かない、配送が遅れています',
    quality: '商品が壊れていて、品質が悪いです',
    service: 'サポートの対応が悪くて、返信がないです',
    price: '値段が高すぎます。クーポンも使えませんでした',
    website: 'アプリでログインするとエラーが出ます',
    payment: 'クレジットカードに二重請求されました',
  },
  ko: {
    delivery: '택배가 아직 도착하지 않았어요. 배송이 너무 늦어요',
    quality: '제품이 고장 났고 품질이 너무 안 좋아요',
    service: '고객센터 상담원이 불친절하고 답변이 없어요',
    price: '가격이 너무 비싸요. 할인도 없어요',
    website: '앱에서 로그인이 안 되고 오류가 나요',
    payment: '카드로 결제가 두 번 됐어요. 환불해 주세요',
  },
  id: {
    delivery: 'Paket saya belum sampai, kurirnya tidak bisa dihubungi',
    quality: 'Barangnya rusak dan kualitasnya jelek',
    service: 'Pelayanan customer service sangat lambat dan tidak dibalas',
    price: 'Harganya terlalu mahal, di toko lain lebih murah',
    website: 'Aplikasinya error terus dan tidak bisa dibuka',
    payment: 'Saldo saya terpotong dua kali saat pembayaran',
  },
  vi: {
    delivery: 'Đơn hàng của tôi chưa nhận được, giao hàng quá chậm',
    quality: 'Áo bị rách và chất lượng rất kém',
    service: 'Nhân viên chăm sóc khách hàng thái độ rất tệ, không trả lời tin nhắn',
    price: 'Giá quá cao, chỗ khác rẻ hơn nhiều',
    website: 'Trang web bị lỗi, tôi không đăng nhập được',
    payment: 'Tôi bị trừ tiền hai lần khi thanh toán',
  },
  th: {
    delivery: 'พัสดุยังไม่ได้รับเลย การจัดส่งล่าช้ามาก',
    quality: 'สินค้าชำรุด คุณภาพแย่มาก',
    service: 'พนักงานพูดจาไม่ดี แอดมินไม่ตอบแชทเลย',
    price: 'ราคาแพงเกินไป ร้านอื่นถูกกว่า',
    website: 'เข้าสู่ระบบในแอปไม่ได้ เว็บไซต์ก็ล่ม',
    payment: 'โดนตัดเงินสองครั้งจากบัตรเครดิต',
  },
};

describe('complaint categories in every supported language', () => {
  it('has examples for all 17 languages', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  for (const language of SUPPORTED_LANGUAGES) {
    for (const [category, text] of Object.entries(EXAMPLES[language])) {
      it(`a ${language} ${category} complaint is categorised as ${category}`, () => {
        const result = categoriseComplaint(text);
        expect(result.category).toBe(category);
        expect(result.source).toBe('keywords');
        expect(result.terms.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('complaint keyword matching', () => {
  it('ignores case and accents shoppers skip on phones', () => {
    expect(categoriseComplaint('MI PAQUETE NO LLEGO').category).toBe('delivery');
    expect(categoriseComplaint('die qualitat ist schlecht, alles kaputt').category).toBe('quality');
    expect(categoriseComplaint('giao hang qua cham').category).toBe('delivery');
  });

  it('folds the Turkish dotted capital I', () => {
    expect(foldText('GELMEDİ')).toBe('gelmedi');
    expect(categoriseComplaint('KARGOM GELMEDİ').category).toBe('delivery');
  });

  it('folds Arabic vowel marks and hamza forms', () => {
    expect(foldText('تأخِير')).toBe('تاخير');
    expect(categoriseComplaint('هناك تأخِير كبير').category).toBe('delivery');
  });

  it('matches Arabic words written with the joined article and conjunction', () => {
    expect(categoriseComplaint('والأسعار مرتفعة').category).toBe('price');
  });

  it('matches Latin words at word starts only', () => {
    expect(categoriseComplaint('The chocolate tastes odd').category).toBe('other');
    expect(categoriseComplaint('delivery was slow').terms).toContain('deliver*');
  });

  it('matches a Latin word right next to Chinese characters', () => {
    expect(categoriseComplaint('这个APP闪退').terms).toEqual(expect.arrayContaining(['app', '闪退']));
  });

  it('matches Chinese, Japanese and Thai inside a run of text without spaces', () => {
    expect(categoriseComplaint('为什么还没到').category).toBe('delivery');
    expect(categoriseComplaint('まだ届かないんですけど').category).toBe('delivery');
    expect(categoriseComplaint('ของยังไม่มาครับ').category).toBe('delivery');
  });

  it('matches Korean whether or not the shopper puts a space in', () => {
    expect(categoriseComplaint('작동안해요').category).toBe('quality');
    expect(categoriseComplaint('작동 안 해요').category).toBe('quality');
  });

  it('prefers payment when money and the site are mentioned equally', () => {
    const result = categoriseComplaint('The checkout page charged my card');
    expect(result.category).toBe('payment');
  });

  it('the category with the most matches wins', () => {
    expect(categoriseComplaint('shipping fees are too expensive, no discount').category).toBe('price');
  });

  it('text without any keyword is "other"', () => {
    expect(categoriseComplaint('Hello, I have a suggestion about colours')).toEqual({
      category: 'other',
      source: 'default',
      terms: [],
    });
  });

  it('a custom keyword list replaces the default one', () => {
    const matcher = createComplaintMatcher({
      delivery: ['slowboat'],
      quality: [],
      service: [],
      price: [],
      website: [],
      payment: [],
    });
    expect(categoriseComplaint('the slowboat again', undefined, matcher).category).toBe('delivery');
    expect(categoriseComplaint('my parcel is late', undefined, matcher).category).toBe('other');
  });
});

describe('complaint categories from intents', () => {
  it('a payment intent routes to payment whatever the words', () => {
    expect(categoriseComplaint('this is a disgrace', 'payment_issue')).toEqual({
      category: 'payment',
      source: 'intent',
      terms: [],
    });
  });

  it('a wrong item goes to fulfilment with delivery complaints', () => {
    expect(categoriseComplaint('this is not what I ordered', 'wrong_item').category).toBe('delivery');
  });

  it('a damaged item is a quality complaint, even when the courier is mentioned', () => {
    expect(categoriseComplaint('the courier threw it and it is cracked', 'damaged_item').category).toBe(
      'quality',
    );
  });

  it('an intent that names an object member is not mistaken for a mapped intent', () => {
    expect(categoriseComplaint('my parcel is late', 'constructor')).toMatchObject({
      category: 'delivery',
      source: 'keywords',
    });
  });

  it('the generic complaint intent leaves the choice to the keywords', () => {
    expect(categoriseComplaint('the app keeps crashing', 'complaint')).toMatchObject({
      category: 'website',
      source: 'keywords',
    });
  });
});

describe('complaint routing', () => {
  const routing: ComplaintRouting = parseComplaintRouting({
    defaultOwner: { type: 'queue', id: 'care' },
    payment: { type: 'queue', id: 'payments' },
    quality: { type: 'person', id: 'lena@example.com' },
  });

  it('a category with an owner goes to that owner', () => {
    expect(routeComplaint('quality', routing)).toEqual({
      category: 'quality',
      owner: { type: 'person', id: 'lena@example.com' },
      viaDefault: false,
    });
  });

  it('payment goes to its own owner', () => {
    expect(routeComplaint('payment', routing)).toMatchObject({
      owner: { id: 'payments' },
      viaDefault: false,
    });
  });

  it('a category without an owner goes to the default owner', () => {
    for (const category of ['delivery', 'service', 'price', 'website', 'other'] as const) {
      expect(routeComplaint(category, routing)).toEqual({
        category,
        owner: { type: 'queue', id: 'care' },
        viaDefault: true,
      });
    }
  });

  it('a routing without a payment owner is rejected', () => {
    expect(() => parseComplaintRouting({ defaultOwner: { type: 'queue', id: 'care' } })).toThrow(ZodError);
  });

  it('a routing with an unknown category or owner type is rejected', () => {
    const base = { defaultOwner: { type: 'queue', id: 'care' }, payment: { type: 'queue', id: 'payments' } };
    expect(() => parseComplaintRouting({ ...base, refunds: { type: 'queue', id: 'x' } })).toThrow(ZodError);
    expect(() => parseComplaintRouting({ ...base, price: { type: 'team', id: 'x' } })).toThrow(ZodError);
  });

  it('the demo routing sends price complaints to customer care and payment to payments', () => {
    expect(routeComplaint('price', DEMO_COMPLAINT_ROUTING)).toMatchObject({
      owner: { id: 'customer-care' },
      viaDefault: true,
    });
    expect(routeComplaint('payment', DEMO_COMPLAINT_ROUTING).owner.id).toBe('payments');
  });
});
