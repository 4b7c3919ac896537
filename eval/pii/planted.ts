/**
 * A planted PII set in the 17 languages: shopper-like sentences, each holding one made-up personal value of a
 * known kind. Two splits with their own sentences, cue words, names, streets and seeds:
 * - `dev`: what the patterns were built and tuned against;
 * - `heldout`: written at the same time, before any tuning, and only ever measured (bench/pii.ts) — never
 *   looked at to change a pattern. The figure in docs/privacy.md is the held-out one.
 */
import type { PiiKind } from '../../functions/core/analytics/pii';
import type { SupportedLanguage } from '../../functions/core/nlu/languages';
import { card, countryOf, iban, nationalId, passport, phone, pick, type Rng, rng } from './values';

export type Split = 'dev' | 'heldout';

export interface PlantedValue {
  lang: SupportedLanguage;
  kind: PiiKind;
  value: string;
  text: string;
}

interface LanguageSplit {
  /** How the value is introduced, per kind; `{v}` is the value. */
  say: Record<PiiKind, string>;
  names: string[];
  addresses: string[];
  /** Frames around the sentence: `{s}` is it. */
  frames: string[];
}

type Corpus = Record<SupportedLanguage, Record<Split, LanguageSplit>>;

const EMAIL_DOMAINS = [
  'gmail.com',
  'yahoo.co.jp',
  'outlook.fr',
  'web.de',
  'mail.ru',
  'naver.com',
  'qq.com',
  'libero.it',
];

const CORPUS: Corpus = {
  en: {
    dev: {
      say: {
        email: 'my email is {v}',
        phone: 'call me on {v}',
        card: 'my card {v} was charged twice',
        iban: 'refund to IBAN {v} please',
        passport: 'my passport number is {v}',
        national_id: 'my SSN is {v}',
        name: 'my name is {v}',
        address: 'please ship it to {v}',
      },
      names: ['John Carter', 'Emily Watson', 'Sarah Mitchell', 'David Brooks', 'Olivia Bennett'],
      addresses: ['12 Baker Street, London NW1 6XE', '48 Oak Avenue', '7 Mill Lane, Leeds LS1 4AB'],
      frames: ['Hi, {s}. Where is my order?', '{s}, thanks.'],
    },
    heldout: {
      say: {
        email: 'you can reach me at {v}',
        phone: 'text {v} when it ships',
        card: 'the payment on {v} failed',
        iban: 'bank account {v} is mine',
        passport: 'customs asked for passport {v}',
        national_id: 'national insurance number {v}',
        name: 'this is {v} writing',
        address: 'the parcel should go to {v}',
      },
      names: ['Hannah Price', 'Michael Turner', 'Grace Fletcher', 'Thomas Reid', 'Chloe Harrison'],
      addresses: ['221 Kingsway Road, Manchester M19 2LL', '5 Elm Drive', '93 Station Road, Bristol BS1 5TR'],
      frames: ['Hello — {s}. The jacket is too small.', 'Quick note: {s}.'],
    },
  },
  es: {
    dev: {
      say: {
        email: 'mi correo es {v}',
        phone: 'mi teléfono es {v}',
        card: 'me cobraron dos veces en la tarjeta {v}',
        iban: 'devolvedlo al IBAN {v} gracias',
        passport: 'mi pasaporte es {v}',
        national_id: 'mi DNI es {v}',
        name: 'me llamo {v}',
        address: 'enviadlo a Calle Mayor {v}',
      },
      names: ['María García', 'José Martínez', 'Lucía Fernández', 'Carlos Sánchez', 'Elena Romero'],
      addresses: ['15, 28013 Madrid', '7', '23, 3º B'],
      frames: ['Hola, {s}. ¿Dónde está mi pedido?', '{s}, un saludo.'],
    },
    heldout: {
      say: {
        email: 'escribidme a {v}',
        phone: 'llamadme al {v}',
        card: 'pagué con {v}',
        iban: 'mi cuenta {v} es la correcta',
        passport: 'número de pasaporte {v}',
        national_id: 'documento de identidad {v}',
        name: 'soy {v}',
        address: 'mi dirección es Avenida de la Constitución {v}',
      },
      names: ['Ana Torres', 'Javier Ruiz', 'Carmen Navarro', 'Pablo Ortega', 'Marta Iglesias'],
      addresses: ['42, 41001 Sevilla', '9', '118'],
      frames: ['Buenas, {s}. Quiero devolver las zapatillas.', 'Os escribo porque {s}.'],
    },
  },
  fr: {
    dev: {
      say: {
        email: 'mon e-mail est {v}',
        phone: 'mon numéro est le {v}',
        card: "j'ai été débité deux fois sur la carte {v}",
        iban: 'remboursez sur IBAN {v} merci',
        passport: 'mon passeport est {v}',
        national_id: 'numéro de sécurité sociale {v}',
        name: "je m'appelle {v}",
        address: 'livrez au {v}',
      },
      names: ['Camille Dubois', 'Julien Moreau', 'Chloé Lefèvre', 'Antoine Girard', 'Manon Laurent'],
      addresses: [
        '12 rue de Rivoli, 75001 Paris',
        '8 avenue Victor Hugo',
        '33 boulevard Voltaire, 75011 Paris',
      ],
      frames: ['Bonjour, {s}. Où est ma commande ?', '{s}, cordialement.'],
    },
    heldout: {
      say: {
        email: 'écrivez-moi à {v}',
        phone: 'joignable au {v}',
        card: 'le paiement avec {v} a échoué',
        iban: 'mon compte {v} est à mon nom',
        passport: 'la douane demande le passeport {v}',
        national_id: "carte d'identité {v}",
        name: 'ici {v}',
        address: "l'adresse est {v}",
      },
      names: ['Léa Fontaine', 'Hugo Lambert', 'Inès Chevalier', 'Louis Mercier', 'Sarah Blanc'],
      addresses: [
        '4 place Bellecour, 69002 Lyon',
        '27 rue Nationale',
        '15 chemin des Vignes, 33000 Bordeaux',
      ],
      frames: ['Bonsoir, {s}. Le pull est trop grand.', 'Petite précision : {s}.'],
    },
  },
  de: {
    dev: {
      say: {
        email: 'meine E-Mail ist {v}',
        phone: 'meine Handynummer ist {v}',
        card: 'die Karte {v} wurde doppelt belastet',
        iban: 'bitte auf IBAN {v} erstatten danke',
        passport: 'meine Reisepassnummer ist {v}',
        national_id: 'meine Personalausweisnummer ist {v}',
        name: 'mein Name ist {v}',
        address: 'bitte an {v} liefern',
      },
      names: ['Anna Schneider', 'Lukas Becker', 'Sophie Wagner', 'Felix Hoffmann', 'Laura Schulz'],
      addresses: ['Hauptstraße 12, 10115 Berlin', 'Lindenweg 4', 'Goethestraße 27, 80336 München'],
      frames: ['Hallo, {s}. Wo bleibt meine Bestellung?', '{s}, viele Grüße.'],
    },
    heldout: {
      say: {
        email: 'erreichbar unter {v}',
        phone: 'rufen Sie mich unter {v} an',
        card: 'bezahlt mit {v}',
        iban: 'mein Konto {v} bitte verwenden',
        passport: 'der Zoll will Pass {v}',
        national_id: 'Ausweis {v}',
        name: 'ich bin {v}',
        address: 'Lieferadresse: {v}',
      },
      names: ['Jonas Fischer', 'Marie Weber', 'Leon Richter', 'Hannah Klein', 'Paul Wolf'],
      addresses: ['Bahnhofstraße 3, 50667 Köln', 'Am Ring 17', 'Schillerplatz 8, 70173 Stuttgart'],
      frames: ['Guten Tag, {s}. Die Jacke ist zu klein.', 'Kurz zur Info: {s}.'],
    },
  },
  it: {
    dev: {
      say: {
        email: 'la mia email è {v}',
        phone: 'il mio cellulare è {v}',
        card: 'addebitato due volte sulla carta {v}',
        iban: 'rimborsate su IBAN {v} grazie',
        passport: 'il mio passaporto è {v}',
        national_id: 'il mio codice fiscale è {v}',
        name: 'mi chiamo {v}',
        address: 'spedite a {v}',
      },
      names: ['Giulia Rossi', 'Marco Bianchi', 'Francesca Romano', 'Luca Colombo', 'Chiara Ricci'],
      addresses: ['Via Roma 12, 00184 Roma', 'Corso Buenos Aires 45', 'Piazza Garibaldi 3, 80142 Napoli'],
      frames: ['Buongiorno, {s}. Dov’è il mio ordine?', '{s}, cordiali saluti.'],
    },
    heldout: {
      say: {
        email: 'scrivetemi a {v}',
        phone: 'chiamatemi al {v}',
        card: 'ho pagato con {v}',
        iban: 'il conto {v} è intestato a me',
        passport: 'numero passaporto {v}',
        national_id: "carta d'identità {v}",
        name: 'sono {v}',
        address: "l'indirizzo è {v}",
      },
      names: ['Alessandro Greco', 'Sara Conti', 'Matteo Marino', 'Elisa Gallo', 'Davide Costa'],
      addresses: ['Viale Mazzini 88, 50132 Firenze', 'Via Garibaldi 7', 'Largo Augusto 2, 20122 Milano'],
      frames: ['Salve, {s}. Le scarpe sono strette.', 'Vi scrivo perché {s}.'],
    },
  },
  pt: {
    dev: {
      say: {
        email: 'o meu email é {v}',
        phone: 'o meu telemóvel é {v}',
        card: 'cobraram duas vezes no cartão {v}',
        iban: 'reembolsem para o IBAN {v} obrigado',
        passport: 'o meu passaporte é {v}',
        national_id: 'o meu CPF é {v}',
        name: 'o meu nome é {v}',
        address: 'enviem para a {v}',
      },
      names: ['Ana Silva', 'João Santos', 'Beatriz Costa', 'Pedro Oliveira', 'Mariana Ferreira'],
      addresses: [
        'Rua Augusta 100, 1100-053 Lisboa',
        'Avenida da Liberdade 45',
        'Rua das Flores 12, 4050-262 Porto',
      ],
      frames: ['Olá, {s}. Onde está a minha encomenda?', '{s}, cumprimentos.'],
    },
    heldout: {
      say: {
        email: 'contactem-me em {v}',
        phone: 'liguem para {v}',
        card: 'paguei com {v}',
        iban: 'a minha conta {v} está certa',
        passport: 'número do passaporte {v}',
        national_id: 'cartão de cidadão {v}',
        name: 'sou o {v}',
        address: 'a morada é {v}',
      },
      names: ['Rafael Almeida', 'Inês Carvalho', 'Tiago Ribeiro', 'Sofia Gomes', 'Gabriel Lopes'],
      addresses: [
        'Rua de Santa Catarina 300, 4000-447 Porto',
        'Travessa do Carmo 5',
        'Avenida Paulista 1578, 01310-200 São Paulo',
      ],
      frames: ['Bom dia, {s}. O casaco é pequeno.', 'Escrevo porque {s}.'],
    },
  },
  nl: {
    dev: {
      say: {
        email: 'mijn e-mail is {v}',
        phone: 'mijn mobiel is {v}',
        card: 'twee keer afgeschreven van kaart {v}',
        iban: 'terugbetalen op IBAN {v} graag',
        passport: 'mijn paspoort is {v}',
        national_id: 'mijn BSN is {v}',
        name: 'mijn naam is {v}',
        address: 'stuur het naar {v}',
      },
      names: ['Daan de Vries', 'Emma Jansen', 'Sem Bakker', 'Julia Visser', 'Lars Smit'],
      addresses: ['Kerkstraat 5, 1017 GB Amsterdam', 'Dorpsweg 22', 'Prinsengracht 263, 1016 GV Amsterdam'],
      frames: ['Hallo, {s}. Waar blijft mijn bestelling?', '{s}, groeten.'],
    },
    heldout: {
      say: {
        email: 'mail me op {v}',
        phone: 'bel me op {v}',
        card: 'betaald met {v}',
        iban: 'rekening {v} is van mij',
        passport: 'paspoortnummer {v}',
        national_id: 'burgerservicenummer {v}',
        name: 'ik ben {v}',
        address: 'het adres is {v}',
      },
      names: ['Sanne Mulder', 'Bram de Jong', 'Lotte Meijer', 'Thijs Bos', 'Fleur Peters'],
      addresses: ['Stationsplein 12, 3511 ED Utrecht', 'Molenlaan 8', 'Coolsingel 40, 3011 AD Rotterdam'],
      frames: ['Goedemiddag, {s}. De jas is te klein.', 'Even ter info: {s}.'],
    },
  },
  pl: {
    dev: {
      say: {
        email: 'mój e-mail to {v}',
        phone: 'mój telefon to {v}',
        card: 'obciążono dwa razy kartę {v}',
        iban: 'zwrot na IBAN {v} dziękuję',
        passport: 'mój paszport to {v}',
        national_id: 'mój PESEL to {v}',
        name: 'nazywam się {v}',
        address: 'proszę wysłać na {v}',
      },
      names: ['Anna Kowalska', 'Piotr Nowak', 'Katarzyna Wiśniewska', 'Tomasz Wójcik', 'Magdalena Kamińska'],
      addresses: [
        'ul. Marszałkowska 10, 00-590 Warszawa',
        'ul. Długa 3',
        'al. Jerozolimskie 44, 00-024 Warszawa',
      ],
      frames: ['Dzień dobry, {s}. Gdzie jest moje zamówienie?', '{s}, pozdrawiam.'],
    },
    heldout: {
      say: {
        email: 'proszę pisać na {v}',
        phone: 'proszę dzwonić pod {v}',
        card: 'zapłaciłem kartą {v}',
        iban: 'moje konto {v} jest poprawne',
        passport: 'numer paszportu {v}',
        national_id: 'numer dowodu {v}',
        name: 'jestem {v}',
        address: 'adres: {v}',
      },
      names: [
        'Michał Lewandowski',
        'Agnieszka Zielińska',
        'Paweł Szymański',
        'Joanna Woźniak',
        'Krzysztof Dąbrowski',
      ],
      addresses: ['ul. Floriańska 15, 31-019 Kraków', 'ul. Polna 8', 'pl. Grunwaldzki 2, 50-384 Wrocław'],
      frames: ['Witam, {s}. Buty są za małe.', 'Piszę, bo {s}.'],
    },
  },
  ru: {
    dev: {
      say: {
        email: 'моя почта {v}',
        phone: 'мой телефон {v}',
        card: 'с карты {v} списали дважды',
        iban: 'верните на IBAN {v} спасибо',
        passport: 'мой паспорт {v}',
        national_id: 'серия и номер паспорта {v}',
        name: 'меня зовут {v}',
        address: 'доставьте на {v}',
      },
      names: ['Анна Иванова', 'Дмитрий Смирнов', 'Екатерина Кузнецова', 'Алексей Попов', 'Ольга Соколова'],
      addresses: ['ул. Тверская, д. 7, кв. 12', 'ул. Ленина 25', 'пр. Мира 101, кв. 5'],
      frames: ['Здравствуйте, {s}. Где мой заказ?', '{s}, спасибо.'],
    },
    heldout: {
      say: {
        email: 'пишите на {v}',
        phone: 'звоните по номеру {v}',
        card: 'оплатил картой {v}',
        iban: 'мой счёт {v} верный',
        passport: 'номер загранпаспорта {v}',
        national_id: 'паспорт РФ {v}',
        name: 'это {v}',
        address: 'адрес доставки: {v}',
      },
      names: ['Мария Васильева', 'Сергей Морозов', 'Наталья Волкова', 'Иван Павлов', 'Татьяна Лебедева'],
      addresses: ['ул. Пушкина 10, кв. 3', 'Невский пр. 28', 'ул. Гагарина, д. 15'],
      frames: ['Добрый день, {s}. Куртка мала.', 'Пишу, потому что {s}.'],
    },
  },
  tr: {
    dev: {
      say: {
        email: 'e-postam {v}',
        phone: 'telefonum {v}',
        card: '{v} kartımdan iki kez çekildi',
        iban: 'iadeyi IBAN {v} hesabıma yapın',
        passport: 'pasaport numaram {v}',
        national_id: 'TC kimlik numaram {v}',
        name: 'benim adım {v}',
        address: 'adresim {v}',
      },
      names: ['Ayşe Yılmaz', 'Mehmet Kaya', 'Zeynep Demir', 'Mustafa Çelik', 'Elif Şahin'],
      addresses: [
        'Atatürk Caddesi No: 12, Kadıköy',
        'Çiçek Sokak No: 5',
        'Cumhuriyet Mahallesi Gül Sokak No: 8',
      ],
      frames: ['Merhaba, {s}. Siparişim nerede?', '{s}, teşekkürler.'],
    },
    heldout: {
      say: {
        email: 'bana {v} adresinden ulaşın',
        phone: 'beni {v} numarasından arayın',
        card: '{v} ile ödedim',
        iban: 'hesabım {v} doğru',
        passport: 'pasaport {v}',
        national_id: 'kimlik no {v}',
        name: 'ben {v}',
        address: 'teslimat adresi {v}',
      },
      names: ['Emre Aydın', 'Selin Arslan', 'Burak Doğan', 'Merve Kılıç', 'Can Özdemir'],
      addresses: ['İstiklal Caddesi No: 45, Beyoğlu', 'Lale Sokak No: 3', 'Bağdat Caddesi No: 210, Maltepe'],
      frames: ['İyi günler, {s}. Ayakkabı küçük geldi.', 'Bilginize: {s}.'],
    },
  },
  ar: {
    dev: {
      say: {
        email: 'بريدي {v}',
        phone: 'جوالي {v}',
        card: 'تم الخصم مرتين من البطاقة {v}',
        iban: 'أعيدوا المبلغ إلى IBAN {v} شكرا',
        passport: 'رقم جواز السفر {v}',
        national_id: 'رقم الهوية {v}',
        name: 'اسمي {v}',
        address: 'العنوان {v}',
      },
      names: ['محمد العتيبي', 'فاطمة الزهراني', 'أحمد القحطاني', 'نورة الشهري', 'خالد الحربي'],
      addresses: ['شارع الملك فهد 12، الرياض', 'حي النخيل شارع 15', 'شارع التحلية 240، جدة'],
      frames: ['مرحبا، {s}. أين طلبي؟', '{s}، شكرا.'],
    },
    heldout: {
      say: {
        email: 'راسلوني على {v}',
        phone: 'رقم الهاتف {v}',
        card: 'دفعت بالبطاقة {v}',
        iban: 'حسابي {v} صحيح',
        passport: 'جواز السفر {v}',
        national_id: 'هويتي {v}',
        name: 'السيد {v}',
        address: 'يرجى التوصيل إلى {v}',
      },
      names: ['عبدالله الدوسري', 'سارة المطيري', 'يوسف الغامدي', 'ريم السبيعي', 'عمر المالكي'],
      addresses: ['طريق الملك عبدالعزيز 88، الرياض', 'حي الروضة شارع 7', 'شارع فلسطين 31، جدة'],
      frames: ['السلام عليكم، {s}. المقاس صغير.', 'للعلم {s}.'],
    },
  },
  zh: {
    dev: {
      say: {
        email: '我的邮箱是{v}',
        phone: '我的手机是{v}',
        card: '信用卡{v}被扣了两次',
        iban: '请退款到IBAN {v} 谢谢',
        passport: '我的护照号码是{v}',
        national_id: '身份证号{v}',
        name: '我叫{v}',
        address: '寄到{v}',
      },
      names: ['张伟', '王芳', '李娜', '刘洋', '陈静'],
      addresses: ['北京市朝阳区建国路88号', '上海市浦东新区世纪大道100号', '广州市天河区体育西路12号3楼'],
      frames: ['你好，{s}。我的订单在哪里？', '{s}，谢谢。'],
    },
    heldout: {
      say: {
        email: '联系邮箱：{v}',
        phone: '电话{v}',
        card: '用{v}付的款',
        iban: '我的账户{v}',
        passport: '护照{v}',
        national_id: '我的身份证是{v}',
        name: '收件人：{v}',
        address: '地址：{v}',
      },
      names: ['杨磊', '赵敏', '黄晓明', '周婷', '吴刚'],
      addresses: ['深圳市南山区科技园路25号', '杭州市西湖区文三路9号', '成都市武侯区人民南路四段3号'],
      frames: ['您好，{s}。鞋子太小了。', '补充一下：{s}。'],
    },
  },
  ja: {
    dev: {
      say: {
        email: 'メールは{v}です',
        phone: '電話番号は{v}です',
        card: 'カード{v}で二重に請求されました',
        iban: 'IBAN {v} に返金してください',
        passport: 'パスポート番号は{v}です',
        national_id: 'マイナンバーは{v}です',
        name: '私は{v}です',
        address: '住所は{v}です',
      },
      names: ['佐藤', '鈴木花子', '高橋', '田中太郎', '渡辺'],
      addresses: ['東京都港区六本木1-2-3', '大阪府大阪市北区梅田3-1-1', '神奈川県横浜市中区山下町10-5'],
      frames: ['こんにちは。{s}。注文はどこですか？', '{s}。よろしくお願いします。'],
    },
    heldout: {
      say: {
        email: '連絡先メール{v}',
        phone: '携帯{v}',
        card: '{v}で支払いました',
        iban: '口座{v}',
        passport: '旅券番号{v}',
        national_id: '個人番号{v}',
        name: '{v}と申します',
        address: '送り先：{v}',
      },
      names: ['伊藤', '山本美咲', '中村', '小林健', '加藤'],
      addresses: [
        '京都府京都市下京区四条通2-5',
        '北海道札幌市中央区北1条西2-1',
        '福岡県福岡市博多区博多駅前3-4-1',
      ],
      frames: ['お世話になります。{s}。サイズが小さいです。', '念のため、{s}。'],
    },
  },
  ko: {
    dev: {
      say: {
        email: '제 이메일은 {v}입니다',
        phone: '제 번호는 {v}입니다',
        card: '카드 {v}로 두 번 결제됐어요',
        iban: 'IBAN {v}로 환불해 주세요',
        passport: '여권번호는 {v}입니다',
        national_id: '주민등록번호 {v}',
        name: '제 이름은 {v}입니다',
        address: '주소는 {v}입니다',
      },
      names: ['김민준', '이서연', '박지훈', '최수빈', '정우진'],
      addresses: [
        '서울시 강남구 테헤란로 123',
        '부산시 해운대구 해운대로 570',
        '서울시 마포구 월드컵북로 56',
      ],
      frames: ['안녕하세요, {s}. 주문 어디 있나요?', '{s}. 감사합니다.'],
    },
    heldout: {
      say: {
        email: '연락 메일 {v}',
        phone: '휴대폰 {v}',
        card: '{v}로 결제했어요',
        iban: '계좌 {v}',
        passport: '여권 {v}',
        national_id: '주민번호 {v}',
        name: '{v} 씨에게 보내 주세요',
        address: '배송지 {v}',
      },
      names: ['한지민', '윤성호', '강하늘', '조은비', '임재현'],
      addresses: ['대구시 중구 동성로 12', '인천시 연수구 컨벤시아대로 165', '서울시 종로구 세종대로 209'],
      frames: ['수고하십니다. {s}. 사이즈가 작아요.', '참고로 {s}.'],
    },
  },
  id: {
    dev: {
      say: {
        email: 'email saya {v}',
        phone: 'nomor HP saya {v}',
        card: 'kartu {v} terpotong dua kali',
        iban: 'refund ke IBAN {v} terima kasih',
        passport: 'nomor paspor saya {v}',
        national_id: 'NIK saya {v}',
        name: 'nama saya {v}',
        address: 'kirim ke Jl. Sudirman No. {v}',
      },
      names: ['Budi Santoso', 'Siti Rahayu', 'Agus Pratama', 'Dewi Lestari', 'Rizky Hidayat'],
      addresses: ['5, Jakarta Pusat', '12', '88, Bandung'],
      frames: ['Halo, {s}. Pesanan saya di mana?', '{s}, terima kasih.'],
    },
    heldout: {
      say: {
        email: 'hubungi saya di {v}',
        phone: 'WA {v}',
        card: 'bayar pakai {v}',
        iban: 'rekening saya {v}',
        passport: 'paspor {v}',
        national_id: 'KTP {v}',
        name: 'atas nama {v}',
        address: 'alamat: Jalan Gatot Subroto No. {v}',
      },
      names: ['Andi Wijaya', 'Putri Anggraini', 'Dimas Saputra', 'Fitri Handayani', 'Yoga Permana'],
      addresses: ['21, Jakarta Selatan', '7', '140, Surabaya'],
      frames: ['Selamat siang, {s}. Sepatunya kekecilan.', 'Info saja: {s}.'],
    },
  },
  vi: {
    dev: {
      say: {
        email: 'email của tôi là {v}',
        phone: 'số điện thoại của tôi là {v}',
        card: 'thẻ {v} bị trừ tiền hai lần',
        iban: 'hoàn tiền vào IBAN {v} cảm ơn',
        passport: 'số hộ chiếu của tôi là {v}',
        national_id: 'số CCCD của tôi là {v}',
        name: 'tên tôi là {v}',
        address: 'giao đến số {v}',
      },
      names: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Thu Hà', 'Hoàng Đức Long'],
      addresses: ['12 đường Lê Lợi, Quận 1', '45 phố Hàng Bông', '8 đường Trần Hưng Đạo'],
      frames: ['Xin chào, {s}. Đơn hàng của tôi đâu?', '{s}, cảm ơn.'],
    },
    heldout: {
      say: {
        email: 'liên hệ qua {v}',
        phone: 'sđt {v}',
        card: 'tôi trả bằng thẻ {v}',
        iban: 'tài khoản {v}',
        passport: 'hộ chiếu {v}',
        national_id: 'căn cước {v}',
        name: 'tôi là {v}',
        address: 'địa chỉ giao hàng: số {v}',
      },
      names: ['Võ Thanh Tùng', 'Đặng Ngọc Lan', 'Bùi Quốc Huy', 'Đỗ Mai Anh', 'Ngô Gia Bảo'],
      addresses: ['27 đường Nguyễn Huệ, Quận 1', '3 ngõ Huế', '101 đường Hai Bà Trưng'],
      frames: ['Chào shop, {s}. Giày bị chật.', 'Cho mình hỏi, {s}.'],
    },
  },
  th: {
    dev: {
      say: {
        email: 'อีเมลของฉันคือ {v}',
        phone: 'เบอร์โทร {v}',
        card: 'บัตร {v} ถูกตัดเงินสองครั้ง',
        iban: 'คืนเงินเข้า IBAN {v} ขอบคุณ',
        passport: 'หนังสือเดินทางเลขที่ {v}',
        national_id: 'เลขบัตรประชาชน {v}',
        name: 'ฉันชื่อ{v}ค่ะ',
        address: 'ส่งไปที่ {v}',
      },
      names: ['สมชาย', 'สุดารัตน์', 'ประเสริฐ', 'วิไลวรรณ', 'อนุชา'],
      addresses: [
        '99/1 ถนนสุขุมวิท ซอย 11 เขตวัฒนา',
        '45 ถนนพหลโยธิน แขวงสามเสนใน',
        '12 หมู่ 3 ตำบลหนองปรือ อำเภอบางละมุง',
      ],
      frames: ['สวัสดีค่ะ {s} คำสั่งซื้ออยู่ไหนคะ', '{s} ขอบคุณค่ะ'],
    },
    heldout: {
      say: {
        email: 'ติดต่อทาง {v}',
        phone: 'โทร {v}',
        card: 'จ่ายด้วยบัตร {v}',
        iban: 'บัญชี {v}',
        passport: 'พาสปอร์ต {v}',
        national_id: 'บัตรประชาชนเลข {v}',
        name: 'ผมชื่อ{v}ครับ',
        address: 'ที่อยู่ {v}',
      },
      names: ['ธนากร', 'พิมพ์ชนก', 'ณัฐพล', 'กมลชนก', 'ศุภชัย'],
      addresses: ['7 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก', '230 ซอยอารีย์ ถนนพหลโยธิน', '5 หมู่ 2 ตำบลช้างเผือก อำเภอเมือง'],
      frames: ['สวัสดีครับ {s} รองเท้าคับครับ', 'แจ้งไว้ก่อนนะครับ {s}'],
    },
  },
};

const KINDS: readonly PiiKind[] = [
  'email',
  'phone',
  'card',
  'iban',
  'passport',
  'national_id',
  'name',
  'address',
];

/** Values per kind and language: 6 for structured kinds, one per name or address of the split. */
const PER_KIND = 6;

function plantValue(
  next: Rng,
  lang: SupportedLanguage,
  kind: PiiKind,
  split: LanguageSplit,
  i: number,
): string {
  switch (kind) {
    case 'email': {
      const local = `${pick(next, ['anna', 'kenji', 'maria', 'li.wei', 'omar', 'sasha'])}${pick(next, ['.', '_', ''])}${Math.floor(next() * 900 + 100)}`;
      return `${local}@${pick(next, EMAIL_DOMAINS)}`;
    }
    case 'phone':
      return phone(next, lang);
    case 'card':
      return card(next);
    case 'iban':
      return iban(next, countryOf(lang));
    case 'passport':
      return passport(next, lang);
    case 'national_id':
      return nationalId(next, lang);
    case 'name':
      return split.names[i % split.names.length] as string;
    case 'address':
      return split.addresses[i % split.addresses.length] as string;
  }
}

export function plantedSet(splitName: Split): PlantedValue[] {
  const next = rng(splitName === 'dev' ? 20261205 : 99173311);
  const out: PlantedValue[] = [];
  for (const lang of Object.keys(CORPUS) as SupportedLanguage[]) {
    const split = CORPUS[lang][splitName];
    for (const kind of KINDS) {
      const count =
        kind === 'name' ? split.names.length : kind === 'address' ? split.addresses.length : PER_KIND;
      for (let i = 0; i < count; i++) {
        const value = plantValue(next, lang, kind, split, i);
        const sentence = split.say[kind].replace('{v}', value);
        const text = (split.frames[i % split.frames.length] as string).replace('{s}', sentence);
        // Addresses that complete a street named in the sentence count the whole street as the value.
        const planted =
          kind === 'address' && /\{v\}/.test(split.say[kind]) && !split.say[kind].startsWith('{v}')
            ? streetValue(split.say[kind], value)
            : value;
        out.push({ lang, kind, value: planted, text });
      }
    }
  }
  return out;
}

/** "enviadlo a Calle Mayor {v}" with "15, 28013 Madrid" plants "Calle Mayor 15, 28013 Madrid". */
function streetValue(say: string, value: string): string {
  const before = say.slice(0, say.indexOf('{v}'));
  const street = /(?:Calle|Avenida|Jl\.|Jalan|số)[\s\S]*$/u.exec(before)?.[0];
  return street ? `${street}${value}` : value;
}

/**
 * Whether a planted value survived redaction: any of its identifying parts still readable. For names and
 * addresses a part is a word of 2+ letters or a number; for the rest, the value's letters and digits in
 * order (so "4111 1111…" rewritten without spaces still counts as leaked).
 */
export function leaked(planted: PlantedValue, redacted: string): boolean {
  if (planted.kind === 'name' || planted.kind === 'address') {
    const parts = planted.value
      .split(/[\s,.:，、。]+/u)
      .filter(
        (part) =>
          part.length >= 2 && !/^(?:No|no|Calle|Avenida|Jl|Jalan|số|ul|д|кв|St|rue|Via|Rua)$/u.test(part),
      );
    // CJK and Thai have no spaces: a part is found anywhere; elsewhere only as a whole word.
    return parts.some((part) =>
      /[\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3]/u.test(part)
        ? redacted.includes(part)
        : new RegExp(
            `(?<![\\p{L}\\p{N}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
            'u',
          ).test(redacted),
    );
  }
  const compact = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
  return compact(redacted).includes(compact(planted.value));
}
