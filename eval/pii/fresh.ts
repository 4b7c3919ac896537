/**
 * The `fresh` planted split: written on 6 December, after the dev/heldout pair, from what real documents and
 * real shopper messages look like rather than from either split. Passport and national-id numbers in the
 * formats of each language's main countries (eval/pii/documents.ts), in varied sentence positions (cue before
 * or after, inside brackets, glued to the next word or punctuation, full-width digits, lower case), phones in
 * national formats, and names and street addresses in each language's usual forms. Used to find and fix
 * causes; the held-out split stays the figure nobody tuned on.
 */
import type { SupportedLanguage } from '../../functions/core/nlu/languages';
import { ID_SHAPES, PASSPORT_SHAPES } from './documents';
import type { PlantedValue } from './planted';
import { digits as d, pick, type Rng, rng } from './values';

interface FreshLanguage {
  passport: string[];
  id: string[];
  phone: string[];
  phones: ReadonlyArray<(next: Rng) => string>;
  name: string[];
  names: string[];
  address: string[];
  addresses: string[];
}

const FRESH: Record<SupportedLanguage, FreshLanguage> = {
  en: {
    passport: [
      'Passport no. {v} (expires 2031)',
      'I travel on passport {v}.',
      'the customs form wants {v} as my passport number',
      'Passport:{v}, DOB 1988',
    ],
    id: ['SSN {v}.', 'my social security number: {v} thanks', 'NI number {v}', 'id no {v}, is that enough?'],
    phone: ['ring me at {v} after 6pm', 'my mobile: {v}'],
    phones: [(n) => `(${d(n, 3)}) ${d(n, 3)}-${d(n, 4)}`, (n) => `07${d(n, 3)} ${d(n, 6)}`],
    name: ['Kind regards\n{v}', 'Signed, {v}', 'The parcel is for {v}, my sister.', 'Recipient: {v}'],
    names: ["Aoife O'Connor", 'Marcus Whitfield', 'Priya Raman', 'Jonathan Ellis-Hart'],
    address: ['deliver to {v} please', 'My address is {v}.', 'new address: {v}'],
    addresses: [
      '14 Queen Street, Cardiff CF10 2BU',
      '3021 Maple Ridge Drive, Austin, TX 78731',
      'Flat 2, 45 Gloucester Road, London SW7 4QT',
    ],
  },
  es: {
    passport: [
      'Pasaporte: {v}.',
      'mi nº de pasaporte es {v} y caduca en 2030',
      'viajo con el pasaporte {v}, ¿vale?',
      'pasaporte mexicano {v}',
    ],
    id: ['DNI {v}', 'mi NIE es {v}, gracias', 'con D.N.I. {v} a nombre mío', 'CURP: {v}'],
    phone: ['llámame al {v} por la tarde', 'mi móvil es {v}.'],
    phones: [(n) => `6${d(n, 2)} ${d(n, 3)} ${d(n, 3)}`, (n) => `55 ${d(n, 4)} ${d(n, 4)}`],
    name: [
      'Un saludo,\n{v}',
      'El paquete lo recoge {v}.',
      'Destinatario: {v}',
      'Soy {v} y escribo por el pedido',
    ],
    names: ['José Luis Fernández', 'María del Carmen Ruiz', 'Alejandro Gutiérrez Soto', 'Lucía Navarro'],
    address: ['envíenlo a {v}, por favor', 'Mi dirección: {v}.', 'la entrega es en {v}'],
    addresses: [
      'C/ Alcalá 123, 3º B, 28009 Madrid',
      'Avenida de la Constitución 45, Sevilla',
      'Calle Reforma 222, Col. Juárez, 06600 CDMX',
    ],
  },
  fr: {
    passport: [
      'Passeport n° {v}.',
      'mon numéro de passeport : {v}, merci',
      'passeport {v} (valable jusqu’en 2029)',
      'le passeport {v} est à mon nom',
    ],
    id: ['numéro de sécu : {v}', 'N° de sécurité sociale {v}.', 'mon NIR est {v}'],
    phone: ['appelez-moi au {v} svp', 'portable : {v}.'],
    phones: [
      (n) => `07 ${d(n, 2)} ${d(n, 2)} ${d(n, 2)} ${d(n, 2)}`,
      (n) => `01.${d(n, 2)}.${d(n, 2)}.${d(n, 2)}.${d(n, 2)}`,
    ],
    name: ['Bien cordialement,\n{v}', 'Le colis est pour {v}.', 'Destinataire : {v}', 'Signé : {v}'],
    names: ['Jean-Baptiste Lefèvre', 'Élodie Marchand', 'François Dupuis', 'Anne-Sophie Girard'],
    address: ['livrez à {v}, merci', 'mon adresse : {v}.', 'j’habite au {v}'],
    addresses: [
      '27 avenue Jean Jaurès, 69007 Lyon',
      '5 bis rue Victor Hugo, 33000 Bordeaux',
      '112 boulevard Haussmann, 75008 Paris',
    ],
  },
  de: {
    passport: [
      'Reisepass-Nr. {v}',
      'meine Passnummer: {v}, gültig bis 2030',
      'Pass {v} liegt vor.',
      'Passnr {v}',
    ],
    id: [
      'Steuer-ID {v}',
      'Steuerliche Identifikationsnummer: {v}.',
      'Ausweisnummer {v}, bitte prüfen',
      'Personalausweis-Nr. {v}',
    ],
    phone: ['ruf mich unter {v} an', 'Handynr.: {v}'],
    phones: [(n) => `0151 ${d(n, 8)}`, (n) => `089 ${d(n, 3)} ${d(n, 4)}`],
    name: [
      'Mit besten Grüßen\n{v}',
      'Das Paket ist für {v}.',
      'Empfänger: {v}',
      'Hier schreibt {v} wegen der Bestellung',
    ],
    names: ['Jürgen Schäfer', 'Anna-Lena Hoffmann', 'Maximilian Weiß', 'Katharina von Berg'],
    address: ['bitte liefern an {v}', 'Meine Adresse: {v}.', 'Lieferadresse {v}'],
    addresses: [
      'Goethestraße 17a, 80336 München',
      'Am Lindenhof 4, 50667 Köln',
      'Berliner Allee 120, 40212 Düsseldorf',
    ],
  },
  it: {
    passport: ['Passaporto n. {v}', 'il mio passaporto è il {v}, scade nel 2031', 'numero passaporto: {v}.'],
    id: ['C.F. {v}', 'codice fiscale: {v}, grazie', 'il mio CF è {v}.', 'cod. fiscale {v}'],
    phone: ['chiamatemi al {v}', 'cell. {v}'],
    phones: [(n) => `3${d(n, 2)} ${d(n, 3)} ${d(n, 4)}`, (n) => `02 ${d(n, 4)} ${d(n, 4)}`],
    name: [
      'Distinti saluti,\n{v}',
      'Il pacco è per {v}.',
      'Destinatario: {v}',
      'Sono {v} e scrivo per il reso',
    ],
    names: ['Giuseppe Esposito', 'Chiara Bianchi', 'Francesco De Luca', 'Maria Grazia Romano'],
    address: ['spedite a {v}, grazie', 'Il mio indirizzo: {v}.', 'consegna in {v}'],
    addresses: [
      'Via Garibaldi 45, 10122 Torino',
      'Corso Buenos Aires 12, Milano',
      'Piazza Navona 8, 00186 Roma',
    ],
  },
  pt: {
    passport: ['Passaporte nº {v}', 'meu passaporte é {v}, válido até 2030', 'nº do passaporte: {v}.'],
    id: ['CPF: {v}', 'meu CPF é {v}, obrigado', 'NIF {v}.', 'cartão de cidadão {v}'],
    phone: ['liga para {v} por favor', 'meu celular: {v}'],
    phones: [(n) => `(11) 9${d(n, 4)}-${d(n, 4)}`, (n) => `91${d(n, 1)} ${d(n, 3)} ${d(n, 3)}`],
    name: [
      'Atenciosamente,\n{v}',
      'A encomenda é para {v}.',
      'Destinatário: {v}',
      'Aqui é {v}, sobre o pedido',
    ],
    names: ['João Pedro Almeida', 'Ana Beatriz Costa', 'Luís Miguel Ferreira', 'Mariana dos Santos'],
    address: ['enviem para {v}, por favor', 'Meu endereço: {v}.', 'entrega na {v}'],
    addresses: [
      'Rua das Flores 123, 4050-265 Porto',
      'Avenida Paulista, 1578, São Paulo',
      'Rua Oscar Freire 900, apto 12, 01426-001 São Paulo',
    ],
  },
  nl: {
    passport: ['paspoortnummer {v}', 'Paspoort: {v}, geldig tot 2030', 'mijn paspoort {v}.'],
    id: ['BSN {v}', 'mijn burgerservicenummer is {v}.', 'BSN-nummer: {v}, klopt dat?'],
    phone: ['bel me op {v}', 'mobiel: {v}'],
    phones: [(n) => `06-${d(n, 8)}`, (n) => `020 ${d(n, 3)} ${d(n, 4)}`],
    name: ['Met vriendelijke groeten,\n{v}', 'Het pakket is voor {v}.', 'Ontvanger: {v}', 'Groetjes, {v}'],
    names: ['Sanne de Vries', 'Pieter van den Berg', 'Daan Jansen', 'Femke Bakker'],
    address: ['lever het af op {v}', 'Mijn adres: {v}.', 'bezorgen op {v} graag'],
    addresses: [
      'Prinsengracht 263, 1016 GV Amsterdam',
      'Stationsweg 12B, 2515 BP Den Haag',
      'Oudegracht 88, Utrecht',
    ],
  },
  pl: {
    passport: ['paszport nr {v}', 'Numer paszportu: {v}.', 'mój paszport {v}, ważny do 2031'],
    id: ['PESEL {v}', 'mój PESEL to {v}, dziękuję', 'nr dowodu osobistego {v}.', 'PESEL: {v}.'],
    phone: ['proszę dzwonić pod {v}', 'tel. kom. {v}'],
    phones: [(n) => `5${d(n, 2)} ${d(n, 3)} ${d(n, 3)}`, (n) => `22 ${d(n, 3)} ${d(n, 2)} ${d(n, 2)}`],
    name: ['Z poważaniem,\n{v}', 'Paczka jest dla {v}.', 'Odbiorca: {v}', 'Pozdrawiam serdecznie, {v}'],
    names: ['Krzysztof Wiśniewski', 'Agnieszka Zielińska', 'Łukasz Kowalczyk', 'Małgorzata Nowak'],
    address: ['proszę wysłać na {v}', 'Mój adres: {v}.', 'dostawa: {v}'],
    addresses: [
      'ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa',
      'al. Jerozolimskie 65, Warszawa',
      'ul. Floriańska 3, 31-019 Kraków',
    ],
  },
  ru: {
    passport: ['паспорт серия и номер {v}', 'Загранпаспорт: {v}.', 'мой паспорт {v}, выдан в 2019'],
    id: ['СНИЛС {v}', 'мой ИНН: {v}.', 'ИНН {v}, спасибо'],
    phone: ['звоните по номеру {v}', 'мой мобильный: {v}'],
    phones: [
      (n) => `8 (9${d(n, 2)}) ${d(n, 3)}-${d(n, 2)}-${d(n, 2)}`,
      (n) => `+7 9${d(n, 2)} ${d(n, 3)} ${d(n, 2)} ${d(n, 2)}`,
    ],
    name: ['С уважением,\n{v}', 'Посылка для {v}.', 'Получатель: {v}', 'Пишет {v} по поводу заказа'],
    names: ['Алексей Смирнов', 'Екатерина Волкова', 'Дмитрий Сергеевич Орлов', 'Ольга Кузнецова'],
    address: ['доставьте по адресу {v}', 'Мой адрес: {v}.', 'адрес доставки: {v}'],
    addresses: [
      'ул. Тверская, д. 12, кв. 34, Москва',
      'Невский проспект, 28, Санкт-Петербург',
      'улица Ленина 5-17, Казань',
    ],
  },
  tr: {
    passport: ['pasaport no: {v}', 'Pasaport numaram {v}.', 'pasaportum {v}, 2030’a kadar geçerli'],
    id: ['TC kimlik no {v}', 'T.C. Kimlik Numaram: {v}.', 'TCKN {v}, teşekkürler'],
    phone: ['beni {v} numarasından arayın', 'cep: {v}'],
    phones: [(n) => `0 5${d(n, 2)} ${d(n, 3)} ${d(n, 2)} ${d(n, 2)}`, (n) => `05${d(n, 2)}${d(n, 7)}`],
    name: ['Saygılarımla,\n{v}', 'Kargo {v} adına.', 'Alıcı: {v}', 'Ben {v}, sipariş hakkında yazıyorum'],
    names: ['Mehmet Yılmaz', 'Ayşe Demir', 'Emre Çelik', 'Zeynep Şahin'],
    address: ['lütfen {v} adresine gönderin', 'Adresim: {v}.', 'teslimat adresi {v}'],
    addresses: [
      'Bağdat Caddesi No: 145 D: 6, Kadıköy İstanbul',
      'Atatürk Bulvarı No:27, Ankara',
      'Kızılay Mah. Gazi Mustafa Kemal Blv. No: 33 Çankaya',
    ],
  },
  ar: {
    passport: ['رقم جواز السفر {v}', 'جواز سفري رقم {v}، شكرا', 'جواز السفر: {v}.'],
    id: ['رقم الهوية الإماراتية {v}', 'الهوية الوطنية: {v}', 'الرقم القومي {v} من فضلك', 'رقم الهوية {v}.'],
    phone: ['اتصل بي على {v}', 'جوالي {v}'],
    phones: [(n) => `05${d(n, 1)} ${d(n, 3)} ${d(n, 4)}`, (n) => `010 ${d(n, 4)} ${d(n, 4)}`],
    name: ['مع خالص التحية،\n{v}', 'الطرد باسم {v}', 'المستلم: {v}', 'أنا {v} بخصوص الطلب'],
    names: ['خالد الحربي', 'فاطمة الزهراء', 'عبد الله المنصوري', 'نورة القحطاني'],
    address: ['أرسلوه إلى {v}', 'عنواني: {v}', 'التوصيل إلى {v} من فضلكم'],
    addresses: [
      'شارع الملك فهد، مبنى 12، الرياض',
      'حي النخيل، شارع 15، جدة',
      '24 شارع التحرير، الدقي، الجيزة',
    ],
  },
  zh: {
    passport: ['护照号：{v}', '我的护照号码是{v}，谢谢', '护照{v}。'],
    id: ['身份证号：{v}', '我的身份证号码是{v}，请核对', '身份证{v}。'],
    phone: ['请打{v}联系我', '手机号：{v}'],
    phones: [(n) => `1${pick(n, ['39', '86', '58'])}-${d(n, 4)}-${d(n, 4)}`, (n) => `010-${d(n, 8)}`],
    name: ['收货人：{v}', '请转交{v}，谢谢', '签收人{v}', '我姓名是{v}'],
    names: ['王建国', '李晓梅', '欧阳娜娜', '陈志强'],
    address: ['寄到{v}', '收货地址：{v}', '我的地址是{v}，谢谢'],
    addresses: [
      '北京市朝阳区建国路88号',
      '上海市浦东新区世纪大道100号5楼',
      '广东省深圳市南山区科技园南路15号',
    ],
  },
  ja: {
    passport: ['パスポート番号：{v}', '旅券番号は{v}です。', 'パスポート{v}、有効期限2030年'],
    id: ['マイナンバー：{v}', '個人番号は{v}です。', 'マイナンバー{v}で登録'],
    phone: ['{v}までお電話ください', '携帯：{v}'],
    phones: [(n) => `090-${d(n, 4)}-${d(n, 4)}`, (n) => `03-${d(n, 4)}-${d(n, 4)}`],
    name: ['お届け先：{v}様', '{v}と申します。', '受取人は{v}です', '担当：{v}'],
    names: ['佐藤健', '高橋美咲', '中村一郎', '渡辺さくら'],
    address: ['{v}に送ってください', '住所：{v}', '配送先は{v}です'],
    addresses: ['東京都新宿区西新宿2-8-1', '大阪府大阪市北区梅田3丁目1番1号', '神奈川県横浜市中区山下町10-3'],
  },
  ko: {
    passport: ['여권번호: {v}', '제 여권 번호는 {v}입니다.', '여권 {v}로 통관해주세요'],
    id: ['주민등록번호 {v}', '주민번호: {v}입니다', '주민등록번호는 {v}예요.'],
    phone: ['{v}로 연락주세요', '휴대폰: {v}'],
    phones: [(n) => `010-${d(n, 4)}-${d(n, 4)}`, (n) => `02-${d(n, 3)}-${d(n, 4)}`],
    name: ['받는 분: {v}', '{v} 드림', '수령인 {v}', '저는 {v}입니다'],
    names: ['김민준', '이서연', '박지훈', '최유나'],
    address: ['{v}로 보내주세요', '주소: {v}', '배송지는 {v}입니다'],
    addresses: [
      '서울특별시 강남구 테헤란로 152',
      '부산광역시 해운대구 해운대해변로 264',
      '경기도 성남시 분당구 판교역로 235',
    ],
  },
  id: {
    passport: ['nomor paspor {v}', 'Paspor: {v}.', 'paspor saya {v}, berlaku sampai 2030'],
    id: ['NIK {v}', 'NIK saya: {v}.', 'no. KTP {v}, terima kasih'],
    phone: ['hubungi saya di {v}', 'no hp {v}'],
    phones: [(n) => `0812-${d(n, 4)}-${d(n, 4)}`, (n) => `021 ${d(n, 4)} ${d(n, 4)}`],
    name: ['Hormat saya,\n{v}', 'Paket untuk {v}.', 'Penerima: {v}', 'Saya {v}, mau tanya pesanan'],
    names: ['Budi Santoso', 'Siti Nurhaliza', 'Agus Prasetyo', 'Dewi Lestari'],
    address: ['kirim ke {v}', 'Alamat saya: {v}.', 'tolong antar ke {v}'],
    addresses: [
      'Jl. Gatot Subroto Kav. 18, Jakarta Selatan',
      'Jalan Malioboro No. 52, Yogyakarta',
      'Jl. Diponegoro No 7, Bandung 40115',
    ],
  },
  vi: {
    passport: ['số hộ chiếu {v}', 'Hộ chiếu: {v}.', 'hộ chiếu của tôi {v}, hết hạn 2030'],
    id: ['CCCD {v}', 'số CCCD: {v}.', 'căn cước công dân số {v}, cảm ơn'],
    phone: ['gọi cho tôi số {v}', 'SĐT: {v}'],
    phones: [(n) => `09${d(n, 2)} ${d(n, 3)} ${d(n, 3)}`, (n) => `028 ${d(n, 4)} ${d(n, 4)}`],
    name: ['Trân trọng,\n{v}', 'Gói hàng gửi {v}.', 'Người nhận: {v}', 'Mình là {v}, hỏi về đơn hàng'],
    names: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Nam', 'Phạm Minh Châu'],
    address: ['giao đến {v}', 'Địa chỉ của tôi: {v}.', 'gửi về {v} nhé'],
    addresses: [
      '123 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh',
      'số 45 phố Hàng Bạc, Hoàn Kiếm, Hà Nội',
      '78 đường Trần Phú, Đà Nẵng',
    ],
  },
  th: {
    passport: ['หนังสือเดินทางเลขที่ {v}', 'เลขพาสปอร์ต: {v}', 'พาสปอร์ต {v} ค่ะ'],
    id: ['เลขบัตรประชาชน {v}', 'เลขประจำตัวประชาชน: {v} ครับ', 'บัตรประชาชนเลข {v}'],
    phone: ['โทรหาที่ {v} ได้เลย', 'เบอร์มือถือ {v}'],
    phones: [(n) => `08${d(n, 1)}-${d(n, 3)}-${d(n, 4)}`, (n) => `02-${d(n, 3)}-${d(n, 4)}`],
    name: ['ผู้รับ: {v}', 'ส่งถึงคุณ{v}', 'ชื่อผู้รับ {v} ค่ะ', 'ดิฉัน{v}ค่ะ'],
    names: ['สมศักดิ์ วงศ์ไทย', 'นภาพร ศรีสุข', 'ธนากร แก้วมณี', 'พิมพ์ชนก ทองดี'],
    address: ['ส่งไปที่ {v}', 'ที่อยู่: {v}', 'จัดส่งที่ {v} ครับ'],
    addresses: [
      '99/1 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110',
      '55 ซอยลาดพร้าว 15 แขวงจอมพล เขตจตุจักร',
      '12 หมู่ 3 ตำบลสุเทพ อำเภอเมือง จังหวัดเชียงใหม่ 50200',
    ],
  },
};

const FULL_WIDTH_LANGS = new Set<SupportedLanguage>(['zh', 'ja', 'ko']);
const toFullWidth = (value: string) =>
  value.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/** Writes a document number the way people type it: as printed, lower-cased, or in full-width forms. */
function written(value: string, lang: SupportedLanguage, i: number): string {
  if (i % 4 === 3) return FULL_WIDTH_LANGS.has(lang) ? toFullWidth(value) : value.toLowerCase();
  return value;
}

const PER_TEMPLATE = 2;

export function freshSet(): PlantedValue[] {
  const next = rng(20261206);
  const out: PlantedValue[] = [];
  for (const [lang, corpus] of Object.entries(FRESH) as Array<[SupportedLanguage, FreshLanguage]>) {
    const plant = (kind: PlantedValue['kind'], template: string, value: string) =>
      out.push({ lang, kind, value, text: template.replace('{v}', value) });
    const documents = (
      kind: 'passport' | 'national_id',
      templates: readonly string[],
      shapes: ReadonlyArray<(next: Rng) => string>,
    ) => {
      let i = 0;
      for (const template of templates)
        for (const shape of shapes)
          for (let k = 0; k < PER_TEMPLATE; k++) plant(kind, template, written(shape(next), lang, i++));
    };
    documents('passport', corpus.passport, PASSPORT_SHAPES[lang]);
    documents('national_id', corpus.id, ID_SHAPES[lang]);
    for (const template of corpus.phone)
      for (const shape of corpus.phones) plant('phone', template, shape(next));
    corpus.names.forEach((name, n) => {
      plant('name', corpus.name[n % corpus.name.length] as string, name);
    });
    for (const template of corpus.address)
      for (const address of corpus.addresses) plant('address', template, address);
  }
  return out;
}
