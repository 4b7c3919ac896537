/**
 * The pattern side of names, street addresses, passports and national ids, in the 17 languages. Patterns
 * cannot know every name; they catch what announces itself: a name after "my name is", an honorific or a
 * greeting's signature; an address built around a street word and a house number, or the administrative
 * units of Chinese, Japanese, Korean and Thai addresses; an id after the word for it, or an id whose shape
 * and checksum identify it alone. The share they catch is measured (docs/privacy.md); in AWS, Comprehend
 * then reads en and es for the rest.
 *
 * Works on the text `redactPii` normalised (full-width forms as ASCII, the same length).
 */
import type { PiiKind } from './pii';

interface EntitySpan {
  start: number;
  end: number;
  kind: PiiKind;
}

function free(spans: readonly EntitySpan[], start: number, end: number): boolean {
  return !spans.some((span) => start < span.end && end > span.start);
}

function add(spans: EntitySpan[], start: number, end: number, kind: PiiKind): void {
  if (end > start && free(spans, start, end)) spans.push({ start, end, kind });
}

// -------------------------------------------------------------------------------------------- names

/** One to three capitalised words (Latin, Cyrillic, Greek…), with particles such as "de", "van der". */
const CAPITALISED_NAME =
  "\\p{Lu}[\\p{Ll}\\p{Lu}'’-]*\\.?(?:\\s+(?:(?:de|da|do|dos|das|del|della|di|van|von|der|den|la|le|du|bin|ibn|al|el)\\s+)*\\p{Lu}[\\p{Ll}\\p{Lu}'’-]+){0,3}";

const LATIN_NAME_CUES = [
  // en
  "my name is|my name's|name:|full name:|regards,?|thanks,?|thank you,?|cheers,?|sincerely,?|best,",
  // es, pt
  'me llamo|mi nombre es|a nombre de|atentamente,?|saludos,?|meu nome é|o meu nome é|chamo-me|me chamo|em nome de|cumprimentos,?|obrigad[oa],?',
  // fr, it
  "je m'appelle|mon nom est|au nom de|cordialement,?|bien à vous,?|mi chiamo|il mio nome è|a nome di|cordiali saluti,?|grazie,?",
  // de, nl
  'ich heiße|ich heisse|mein name ist|auf den namen|mit freundlichen grüßen,?|viele grüße,?|grüße,?|gruß,?|mijn naam is|ik heet|op naam van|met vriendelijke groet,?|groeten,?',
  // pl, ru, tr
  'nazywam się|mam na imię|na nazwisko|pozdrawiam,?|меня зовут|моё имя|мое имя|я —|на имя|с уважением,?|спасибо,?|benim adım|adım|adına|saygılarımla,?|teşekkürler,?',
  // id, vi
  'nama saya|atas nama|a\\.n\\.|salam,?|terima kasih,?|tên tôi là|tôi tên là|tôi tên|cảm ơn,?',
  // Signatures and recipients: closings, "recipient:", "signed" in the Latin- and Cyrillic-script languages.
  'kind regards,?|best regards,?|signed,?|recipient:|addressee:|attn\\.?:?|un saludo,?|saludos cordiales,?|destinatari[oa]:|firmado:?|bien cordialement,?|destinataire\\s?:|signé\\s?:|mit besten grüßen,?|beste grüße,?|liebe grüße,?|empfänger(?:in)?:|distinti saluti,?|cari saluti,?|atenciosamente,?|abraços,?|destinatário:|met vriendelijke groeten,?|groetjes,?|ontvanger:|z poważaniem,?|pozdrawiam serdecznie,?|odbiorca:|получатель:|alıcı:|hormat saya,?|penerima:|trân trọng,?|người nhận:',
].join('|');

/**
 * Cues that are also how people say what they are ("I am Italian", "je suis déçu"): after them only a full
 * name (two capitalised words) counts.
 */
const WEAK_NAME_CUES =
  "i am|i'm|this is|soy|sou o|sou a|je suis|sono|ich bin|ik ben|jestem|ben|saya|tôi là|я|это|ici|aquí|aqui é|hier schreibt|пишет|mình là|em là";
const FULL_NAME =
  "\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:\\s+(?:(?:de|da|do|dos|van|von|der|den|di|del|la|le)\\s+)*\\p{Lu}\\p{Ll}[\\p{L}'’-]*){1,2}";

const HONORIFICS =
  'mr|mrs|ms|miss|mx|dr|prof|herr|frau|señor|señora|señorita|sr|sra|srta|don|doña|dom|dona|monsieur|madame|mademoiselle|mme|mlle|signor|signora|signorina|sig|sig\\.ra|dott|dhr|mevr|meneer|mevrouw|pan|pani|господин|госпожа|г-н|г-жа|bay|bayan|bapak|ibu|pak|bu|anh|chị|ông|bà|cô|em';

/** A cue list matching its words with a lower- or upper-case first letter (the name itself must be capitalised, so no `i` flag). */
const eitherCase = (alternatives: string) => {
  let out = '';
  let inClass = false;
  let escaped = false;
  for (const char of alternatives) {
    const upper = char.toUpperCase();
    if (escaped || inClass || upper.length !== 1 || upper === char.toLowerCase()) out += char;
    else out += `[${char.toLowerCase()}${upper}]`;
    if (escaped) escaped = false;
    else if (char === '\\') escaped = true;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
  }
  return out;
};

const LATIN_NAME = new RegExp(
  `(?<![\\p{L}])(?:${eitherCase(LATIN_NAME_CUES)})[\\s:]+(${CAPITALISED_NAME})|(?<![\\p{L}])(?:${eitherCase(HONORIFICS)})\\.?\\s+(${CAPITALISED_NAME})|(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)\\s+(?:Bey|Hanım|Hanim)(?![\\p{L}])|(?<![\\p{L}])(?:${eitherCase(WEAK_NAME_CUES)})\\s+(${FULL_NAME})`,
  'gu',
);

/** Cue words that are also ordinary words: after them, a capitalised word is a name only if it is not a common word. */
const NOT_NAMES = new Set(
  [
    'A',
    'An',
    'The',
    'I',
    'My',
    'Your',
    'Not',
    'Very',
    'So',
    'Still',
    'Just',
    'Here',
    'There',
    'Sorry',
    'Happy',
    'Angry',
    'Interested',
    'Looking',
    'Waiting',
    'Writing',
    'Calling',
    'Order',
    'Un',
    'Una',
    'El',
    'La',
    'Le',
    'Les',
    'Der',
    'Die',
    'Das',
    'Ein',
    'Eine',
    'Il',
    'Lo',
    'Het',
    'De',
    'Een',
    'Muy',
    'Très',
    'Sehr',
    'Molto',
    'Bardzo',
    'Очень',
    'Çok',
    'Sangat',
    'Rất',
    'Gracias',
    'Danke',
    'Merci',
    'Grazie',
    'Bedankt',
    'Dziękuję',
    'Obrigado',
    'Obrigada',
    'Thanks',
    'Hello',
    'Hi',
    'Hola',
    'Bonjour',
    'Hallo',
    'Ciao',
    'Olá',
    'Cześć',
    'Привет',
    'Merhaba',
    'Halo',
    'Xin',
    'Chào',
    'Pedido',
    'Commande',
    'Bestellung',
    'Ordine',
    'Encomenda',
    'Bestelling',
    'Zamówienie',
    'Заказ',
    'Sipariş',
    'Pesanan',
    'Đơn',
  ].map((word) => word.toLowerCase()),
);

const ARABIC_NAME =
  /(?:اسمي|إسمي|السيد|السيدة|الأستاذ|الأستاذة|باسم|مع تحياتي،?|مع خالص التحية،?|المستلم[:：]?|اسم المستلم[:：]?)\s*(?:هو\s+|هي\s+)?([\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){0,2})/gu;
const CHINESE_NAME =
  /(?:我叫|我是|我的名字是|名字叫|名字是|姓名[:：]?|收件人[:：]?|收货人[:：]?|签收人[:：]?|请转交|转交给?|联系人[:：]?)\s*([\u4E00-\u9FFF]{2,4})|([\u4E00-\u9FFF]{1,2})(?:先生|女士|小姐)/gu;
const JAPANESE_NAME =
  /(?:私は|わたしは|名前は|氏名[:：]?|受取人は|受取人[:：]?|担当[:：]|お届け先[:：]?)\s*([\u4E00-\u9FFF\u30A0-\u30FF]{2,8})(?=です|と申|といい|様|、|。|\s|$)|([\u4E00-\u9FFF\u30A0-\u30FF]{2,8})(?:と申します|といいます)|([\u4E00-\u9FFF\u30A0-\u30FF]{1,6})(?:様|さん)/gu;
const KOREAN_NAME =
  /(?:제 이름은|이름은|저는|받는 ?분[:：]?|수령인[:：]?|받는 ?사람[:：]?)\s*([\uAC00-\uD7A3]{2,4})(?=입니다|이에요|예요|이고|라고|님|\s|$)|([\uAC00-\uD7A3]{2,4})\s?드림(?![\uAC00-\uD7A3])|([\uAC00-\uD7A3]{2,4})\s?(?:씨|님)(?![\uAC00-\uD7A3])/gu;
const THAI_NAME =
  /(?:ชื่อผู้รับ[:：]?|ผู้รับ[:：]?|ผมชื่อ|ฉันชื่อ|ดิฉันชื่อ|หนูชื่อ|ชื่อ|(?<!ขอบ)คุณ)\s*([\u0E00-\u0E7F]+?)(?=ครับ|ค่ะ|คะ|นะ|\s|$)(?:\s+([\u0E00-\u0E7F]+?)(?=ครับ|ค่ะ|คะ|นะ|\s|$))?/gu;

/** Thai words after คุณ that are not names ("you", "thank you"). */
const THAI_NOT_NAMES = new Set(['ครับ', 'ค่ะ', 'ภาพ', 'สมบัติ', 'ค่า']);

export function collectNames(text: string, spans: EntitySpan[]): void {
  for (const match of text.matchAll(LATIN_NAME)) {
    const name = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (!name) continue;
    const first = name.split(/\s+/)[0]?.replace(/[.,]$/, '') ?? '';
    if (NOT_NAMES.has(first.toLowerCase())) continue;
    const start = match.index + match[0].lastIndexOf(name);
    add(spans, start, start + name.replace(/[.,]+$/, '').length, 'name');
  }
  for (const pattern of [ARABIC_NAME, CHINESE_NAME, JAPANESE_NAME, KOREAN_NAME]) {
    for (const match of text.matchAll(pattern)) {
      const name = match.slice(1).find((group) => group !== undefined);
      if (!name) continue;
      const start = match.index + match[0].lastIndexOf(name);
      add(spans, start, start + name.length, 'name');
    }
  }
  for (const match of text.matchAll(THAI_NAME)) {
    const first = match[1];
    if (!first || THAI_NOT_NAMES.has(first)) continue;
    const from = match.index + match[0].indexOf(first);
    const end = match[2] ? match.index + match[0].length : from + first.length;
    add(spans, from, end, 'name');
  }
}

// ---------------------------------------------------------------------------------------- addresses

/** Street words that stand alone ("Calle Mayor 5", "12 rue de Rivoli", "ul. Długa 3"). */
const STREET_WORDS =
  'street|st\\.|road|rd\\.|avenue|ave\\.?|lane|ln\\.|drive|dr\\.|boulevard|blvd\\.?|way|court|ct\\.|place|square|terrace|crescent|calle|c/|avenida|avda\\.?|av\\.|paseo|plaza|carrera|camino|ronda|travesía|rue|boulevard|bd|chemin|allée|impasse|quai|route|cours|via|viale|piazza|piazzale|corso|vicolo|largo|rua|travessa|praça|estrada|alameda|ul\\.|ulica|al\\.|aleja|os\\.|osiedle|pl\\.|plac|ул\\.|улица|пр\\.|проспект|пер\\.|переулок|бульвар|шоссе|наб\\.|набережная|sokak|sok\\.|sk\\.|cadde|cad\\.|caddesi|cd\\.|mahalle|mahallesi|mah\\.|bulvar|bulvarı|jalan|jl\\.|gang|gg\\.|đường|phố|ngõ|hẻm|street';
/** Street words written as the end of one word ("Hauptstraße", "Kerkstraat", "Ringweg"). */
const STREET_SUFFIXES =
  'straße|strasse|str\\.|weg|allee|platz|gasse|damm|ufer|ring|straat|laan|plein|gracht|kade|singel|dreef|steeg|markt';

const WORD = "[\\p{L}\\p{M}'’.-]+";
const NUMBER = '\\d{1,5}(?:\\s?[A-Za-z](?![\\p{L}]))?(?:[/-]\\d{1,5})?';

const LATIN_ADDRESS = new RegExp(
  [
    // "12 Baker Street", "10 rue de Rivoli", "221B Baker St."
    `(?<![\\p{L}\\d])${NUMBER},?\\s+(?:${WORD}\\s+){0,3}?(?:${STREET_WORDS})(?:\\s+(?:de la|de l'|du|des|de|d'|del|della|di|da|do|dos)?\\s*\\p{Lu}${WORD}){0,3}`,
    // "Calle Mayor 5", "ul. Długa 3", "Via Roma 12", "Rua Augusta, 100", "Atatürk Caddesi No: 12"
    `(?<![\\p{L}])(?:${STREET_WORDS})\\s+(?:(?:de la|de l'|del|de|do|da|dos|della|di)\\s+)?(?:\\p{Lu}${WORD}\\s*){1,4},?\\s*(?:(?:no|nr|n°|nº|№|д|дом|số)\\.?:?\\s*)?${NUMBER}`,
    // "Hauptstraße 12", "Kerkstraat 5"
    `(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:${STREET_SUFFIXES})\\s+${NUMBER}`,
    // "Atatürk Caddesi No: 12", "Cumhuriyet Mahallesi Gül Sokak No: 8", "Baker Street 12"
    `(?<![\\p{L}])(?:\\p{Lu}${WORD}\\s+){1,3}(?:(?:${STREET_WORDS})\\s+(?:\\p{Lu}${WORD}\\s+){0,2})*(?:${STREET_WORDS})\\s*(?:(?:no|nr|n°|nº|№)\\.?:?\\s*)?${NUMBER}`,
    // "Jl. Sudirman No. 5", "số 12 đường Lê Lợi"
    `(?<![\\p{L}])(?:số|no\\.?)\\s*${NUMBER},?\\s+(?:${STREET_WORDS})\\s+(?:\\p{Lu}${WORD}\\s*){1,4}`,
  ].join('|'),
  'giu',
);

/** What may follow a street: flat, postcode and city ("Apt 4, 75001 Paris", ", London NW1 6XE", "кв. 5"). */
const CITY = "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’-]*";
const ADDRESS_TAIL = new RegExp(
  `^(?:,?\\s*(?:(?:apt\\.?|apartment|flat|piso|puerta|étage|appt\\.?|interno|int\\.|kv\\.|кв\\.|daire|lt\\.|tầng|phường|quận|p\\.|q\\.|kel\\.|kec\\.|rt|rw)\\s*[\\d\\p{L}/-]{1,6}|\\d{1,3}\\s?[ºª°](?:\\s?[A-Z](?![\\p{L}]))?))*(?:,?\\s*(?:\\d{2}-\\d{3}|\\d{4,5}-\\d{3}|\\d{4,6}|\\d{4}\\s?[A-Z]{2})\\s+${CITY}(?:\\s+${CITY})?|,\\s*${CITY}(?:\\s+${CITY})?(?:\\s+[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})?(?:,?\\s*\\d{4,6})?|[،,]\\s*[\\u0621-\\u064A]+)?`,
  'u',
);

const ARABIC_ADDRESS =
  /(?:\d{1,5}\s*)?(?:شارع|طريق|حي|مبنى|عمارة|شقة)\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A\d]+){0,4}(?:[،,]\s*(?:مبنى|عمارة|شقة|رقم)?\s*\d{1,5})*(?:[،,]\s*[\u0621-\u064A]{3,})?/gu;
const CHINESE_ADDRESS =
  /(?:[\u4E00-\u9FFF]{1,8}?(?:省|市|区|區|县|縣|镇|鎮|乡|鄉|街道))*[\u4E00-\u9FFF]{1,10}?(?:路|街|道|巷|弄|胡同|大道)[\d一二三四五六七八九十百]+(?:号|號)(?:[\d一二三四五六七八九十]+(?:号楼|楼|樓|栋|棟|单元|單元|室|层|層))*/gu;
const JAPANESE_ADDRESS =
  /(?:[\u4E00-\u9FFF\u30A0-\u30FF]{1,6}?(?:都|道|府|県|市|区|町|村))+[\u4E00-\u9FFF\u30A0-\u30FF]{0,8}?\d{1,4}(?:丁目|-)\d{1,4}(?:番地?|-)?(?:\d{1,4}号?)?(?:\s?[\u4E00-\u9FFF\u30A0-\u30FF]{1,12}\d{1,4}号?室?)?/gu;
const KOREAN_ADDRESS =
  /(?:[\uAC00-\uD7A3]{1,6}(?:특별시|광역시|시|도|구|군|동|읍|면)\s?)*[\uAC00-\uD7A3\d]{1,10}(?:로|길)\s?\d{1,5}(?:-\d{1,5})?(?:번길\s?\d{1,5})?(?:,?\s?\d{1,5}(?:동|호))*/gu;
const THAI_ADDRESS =
  /(?:(?:บ้านเลขที่|เลขที่)\s*)?(?:\d{1,5}(?:\/\d{1,5})?\s*)?(?:(?:ถนน|ถ\.|ซอย|ซ\.|หมู่(?:ที่)?|ม\.|ตำบล|ต\.|อำเภอ|อ\.|แขวง|เขต|จังหวัด|จ\.)\s*[\u0E00-\u0E7F\d]+\s*){1,6}(?:\d{5})?/gu;

/**
 * Words that announce an address ("my address:", "deliver to", "adresse de livraison", "地址"): what follows
 * them, up to the end of the clause, is the address when it holds a number, however it is written.
 */
const ADDRESS_CUE =
  /(?<![\p{L}])(?:(?:new |my |delivery |shipping )?address(?: is)?|deliver(?: it)? to|ship(?: it)? to|send(?: it)? to|mi dirección(?: es)?|dirección(?: de entrega)?|envíenlo a|envíalo a|entrega(?: es)? en|mon adresse|adresse(?: de livraison)?|livrez(?:-le)? à|j’habite au|j'habite au|meine adresse|lieferadresse|adresse|liefern an|il mio indirizzo|indirizzo(?: di consegna)?|spedite a|consegna in|meu endereço|endereço(?: de entrega)?|enviem para|entrega na|mijn adres|adres|bezorgen op|lever het af op|mój adres|adres dostawy|dostawa|wysłać na|мой адрес|адрес(?: доставки)?|по адресу|adresim|teslimat adresi|عنواني|العنوان|التوصيل إلى|أرسلوه إلى|alamat(?: saya)?|kirim ke|antar ke|địa chỉ(?: của tôi)?|giao đến|gửi về)(?![\p{L}])[\s:：,]*|(?:ส่งไปที่|จัดส่งที่|ที่อยู่)[\s:：]*/giu;

/** A clause about an order or a parcel ("my address is wrong on order 1042") is not an address. */
const ORDER_WORDS =
  /(?<![\p{L}])(?:order|tracking|wrong|pedido|seguimiento|commande|suivi|bestellung|sendung|ordine|encomenda|bestelling|zamówieni\p{L}*|заказ\p{L}*|sipariş\p{L}*|الطلب|pesanan|resi|đơn hàng)(?![\p{L}])|#\d/iu;

/** The end of an address clause: a line break, "!" or "?", or a full stop that does not close an abbreviation. */
function clauseEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 140);
  for (let i = from; i < limit; i++) {
    const char = text.charAt(i);
    if (char === '\n' || char === '!' || char === '?' || char === '。' || char === '؟') return i;
    if (char === '.' && (i + 1 >= text.length || /\s/.test(text.charAt(i + 1)))) {
      const word = /[\p{L}]+$/u.exec(text.slice(from, i))?.[0] ?? '';
      // "Col.", "TP.", "ul.", "Mah." continue the address; "Sevilla." or "78731." end it.
      if (word.length === 0 || word.length > 3 || i + 1 >= text.length) return i;
    }
    const rest = text.slice(i);
    if (
      /^[,،]?\s+(?:please|pls|por favor|s'il vous plaît|svp|merci|bitte|danke|per favore|grazie|por favor|obrigad[oa]|alstublieft|graag|proszę|dziękuję|пожалуйста|спасибо|lütfen|teşekkürler|من فضلك|من فضلكم|شكرا|tolong|terima kasih|nhé|cảm ơn|ครับ|ค่ะ)(?![\p{L}])/iu.test(
        rest,
      )
    )
      return i;
  }
  return limit;
}

export function collectAddresses(text: string, spans: EntitySpan[]): void {
  collectPatternAddresses(text, spans);
  for (const cue of text.matchAll(ADDRESS_CUE)) {
    const start = cue.index + cue[0].length;
    const end = clauseEnd(text, start);
    const clause = text.slice(start, end).trimEnd();
    if (!/\d/.test(clause) || clause.length < 6 || ORDER_WORDS.test(clause)) continue;
    const clauseEndIndex = start + clause.length;
    // The clause replaces pattern matches inside it; anything else found there (a phone) keeps its own kind.
    const inside = spans.filter((span) => span.start < clauseEndIndex && span.end > start);
    if (inside.some((span) => span.kind !== 'address')) continue;
    for (const span of inside) spans.splice(spans.indexOf(span), 1);
    add(
      spans,
      Math.min(start, ...inside.map((span) => span.start)),
      Math.max(clauseEndIndex, ...inside.map((span) => span.end)),
      'address',
    );
  }
}

function collectPatternAddresses(text: string, spans: EntitySpan[]): void {
  for (const match of text.matchAll(LATIN_ADDRESS)) {
    if (!/\d/.test(match[0])) continue;
    const end = match.index + match[0].length;
    const tail = ADDRESS_TAIL.exec(text.slice(end))?.[0] ?? '';
    add(spans, match.index, end + tail.length, 'address');
  }
  for (const pattern of [ARABIC_ADDRESS, CHINESE_ADDRESS, JAPANESE_ADDRESS, KOREAN_ADDRESS, THAI_ADDRESS]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].trimEnd();
      // Thai and Arabic street words also start ordinary phrases: an address needs a number or two units.
      if (
        pattern === THAI_ADDRESS &&
        !/\d/.test(value) &&
        (value.match(/ถนน|ซอย|ตำบล|อำเภอ|แขวง|เขต|จังหวัด/g) ?? []).length < 2
      )
        continue;
      if (pattern === ARABIC_ADDRESS && !/\d/.test(value) && value.split(/\s+/).length < 3) continue;
      add(spans, match.index, match.index + value.length, 'address');
    }
  }
}
