import * as z from 'zod';
import { keywordLiteral, LazyPattern } from '../nlu/lazy-pattern';

/**
 * Complaints sorted into the categories their owners work on, and routed to those owners. Payment
 * problems are a category of their own: money goes to the people allowed to move it, never to a general
 * queue.
 *
 * Keywords are matched after folding case and Latin, Cyrillic and Arabic diacritics. A term in a spaced
 * script matches at a word start; a trailing `*` lets it match any ending (`deliver*` matches delivery).
 * Chinese, Japanese, Korean and Thai terms match anywhere, because those scripts do not separate words
 * with spaces (Korean does, but glues particles on). Arabic terms also match after the article and the
 * one-letter prefixes (و ف ب ل ك) that are written joined to the word.
 */

export const COMPLAINT_CATEGORIES = [
  'delivery',
  'quality',
  'service',
  'price',
  'website',
  'payment',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

type KeywordCategory = Exclude<ComplaintCategory, 'other'>;
export type ComplaintKeywords = Readonly<Record<KeywordCategory, readonly string[]>>;

/** When two categories match equally often, the first here wins: money and broken goods come first. */
const TIE_ORDER: readonly KeywordCategory[] = [
  'payment',
  'quality',
  'delivery',
  'price',
  'website',
  'service',
];

export const COMPLAINT_KEYWORDS: ComplaintKeywords = {
  delivery: [
    // en
    'deliver*',
    'shipping',
    'shipment*',
    'shipped',
    'courier*',
    'parcel*',
    'package*',
    'tracking',
    'never arrived',
    'not arrived',
    "hasn't arrived",
    'has not arrived',
    'still not here',
    'late',
    'delay*',
    'lost',
    'postman',
    // es
    'entrega*',
    'envio*',
    'paquete*',
    'mensajer*',
    'repartidor*',
    'no ha llegado',
    'no llego',
    'no llega',
    'retras*',
    'perdido',
    'seguimiento',
    // fr
    'livr*',
    'colis',
    'transporteur*',
    'pas arrive*',
    'jamais arrive*',
    'toujours pas recu',
    'retard*',
    'facteur',
    // de
    'liefer*',
    'geliefert',
    'paket*',
    'versand*',
    'zusteller*',
    'kurier*',
    'nicht angekommen',
    'nie angekommen',
    'verspat*',
    'sendungsverfolgung',
    // it
    'consegn*',
    'spedizion*',
    'pacco',
    'pacchi',
    'corriere*',
    'non e arrivato',
    'non e ancora arrivato',
    'mai arrivato',
    'ritard*',
    'smarrit*',
    // pt
    'encomenda*',
    'pacote*',
    'transportadora*',
    'nao chegou',
    'nunca chegou',
    'atras*',
    'extravi*',
    'correio*',
    'rastreio',
    'rastreamento',
    // nl
    'lever*',
    'geleverd',
    'bezorg*',
    'pakket*',
    'verzend*',
    'koerier*',
    'niet aangekomen',
    'nooit aangekomen',
    'vertraag*',
    'te laat',
    'kwijt',
    'track en trace',
    // pl
    'dostaw*',
    'dostarcz*',
    'przesylk*',
    'paczk*',
    'paczek',
    'kurier*',
    'nie dotar*',
    'nie doszl*',
    'opozni*',
    'zagubion*',
    'sledzeni*',
    // ru
    'доставк*',
    'доставлен*',
    'доставили',
    'посылк*',
    'курьер*',
    'не пришл*',
    'не пришел',
    'не дошл*',
    'задерж*',
    'опозд*',
    'потерял*',
    'отслеживан*',
    // tr
    'kargo*',
    'teslimat*',
    'teslim edilmedi',
    'kurye*',
    'gelmedi',
    'gecik*',
    'kayboldu',
    'kayip',
    'takip',
    // ar
    'توصيل*',
    'شحن*',
    'طرد*',
    'مندوب*',
    'لم يصل',
    'لم تصل',
    'تاخير*',
    'تاخر*',
    'متاخر*',
    'ضاع*',
    'مفقود*',
    'تتبع',
    // zh
    '快递',
    '快遞',
    '物流',
    '配送',
    '送货',
    '发货',
    '發貨',
    '还没到',
    '還沒到',
    '没收到',
    '沒收到',
    '未收到',
    '延迟',
    '延誤',
    '丢件',
    '包裹',
    '派送',
    // ja
    '配達',
    '届かない',
    '届いていない',
    '届きません',
    '発送',
    '遅延',
    '遅れ',
    '荷物',
    '紛失',
    '追跡',
    '宅配',
    // ko
    '배송',
    '택배',
    '배달',
    '도착하지',
    '도착 안',
    '안 왔',
    '안왔',
    '지연',
    '분실',
    '송장',
    // id
    'pengiriman',
    'kirim*',
    'dikirim',
    'kurir*',
    'paket*',
    'belum sampai',
    'belum datang',
    'tidak sampai',
    'terlambat',
    'telat',
    'hilang',
    'lacak*',
    'resi',
    'ekspedisi',
    // vi
    'giao hang',
    'van chuyen',
    'shipper',
    'chua nhan duoc',
    'chua den',
    'giao cham',
    'tre hen',
    'that lac',
    'kien hang',
    'buu dien',
    'ma van don',
    // th
    'จัดส่ง',
    'ส่งของ',
    'พัสดุ',
    'ขนส่ง',
    'ยังไม่ได้รับ',
    'ไม่ได้รับของ',
    'ยังไม่มา',
    'ล่าช้า',
    'ส่งช้า',
    'สูญหาย',
  ],
  quality: [
    // en
    'quality',
    'broke*',
    'defect*',
    'faulty',
    'torn',
    'ripped',
    'faded',
    'flimsy',
    'fell apart',
    'falling apart',
    'stopped working',
    'not working',
    "doesn't work",
    'does not work',
    'damaged',
    'scratch*',
    'stain*',
    'cracked',
    // es
    'calidad',
    'roto',
    'rota',
    'rotos',
    'rotas',
    'defectuos*',
    'descosid*',
    'destenid*',
    'no funciona',
    'dejo de funcionar',
    'danad*',
    'manchad*',
    'rasgad*',
    // fr
    'qualite',
    'casse*',
    'defectueu*',
    'abime*',
    'dechir*',
    'ne fonctionne pas',
    'ne marche pas',
    'decolor*',
    'deteint*',
    'tache*',
    // de
    'qualitat',
    'kaputt*',
    'defekt*',
    'beschadigt*',
    'gerissen',
    'zerrissen',
    'funktioniert nicht',
    'verfarb*',
    'verblass*',
    'fleck*',
    // it
    'qualita',
    'rott*',
    'difettos*',
    'danneggiat*',
    'strappat*',
    'non funziona',
    'scolorit*',
    'macchiat*',
    // pt
    'qualidade',
    'quebrad*',
    'quebrou',
    'defeito*',
    'defeituos*',
    'rasgad*',
    'danificad*',
    'nao funciona',
    'desbotad*',
    'manchad*',
    // nl
    'kwaliteit',
    'kapot',
    'defect*',
    'beschadigd*',
    'gescheurd*',
    'werkt niet',
    'verkleurd*',
    'vlek*',
    // pl
    'jakosc*',
    'zepsu*',
    'uszkodz*',
    'wadliw*',
    'podart*',
    'rozdart*',
    'nie dziala',
    'sprany*',
    'wyblak*',
    'poplamion*',
    // ru
    'качеств*',
    'сломал*',
    'сломан*',
    'брак*',
    'порван*',
    'порвал*',
    'разорвал*',
    'не работает',
    'выцвел*',
    'полинял*',
    'пятн*',
    'поврежд*',
    // tr
    'kalite*',
    'kirik',
    'kirildi',
    'bozuk*',
    'bozuldu',
    'defolu',
    'yirtik',
    'yirtil*',
    'calismiyor',
    'solmus',
    'soldu',
    'leke*',
    'hasarli',
    // ar
    'جوده',
    'مكسور*',
    'انكسر*',
    'تالف*',
    'معيب*',
    'عيب*',
    'ممزق*',
    'لا يعمل',
    'لا تعمل',
    'باهت*',
    'بقع*',
    // zh
    '质量',
    '質量',
    '品質',
    '品质',
    '坏了',
    '壞了',
    '破损',
    '破損',
    '破了',
    '掉色',
    '褪色',
    '次品',
    '瑕疵',
    '不能用',
    '用不了',
    '开线',
    // ja
    '品質',
    '壊れ',
    '破損',
    '不良品',
    '欠陥',
    '破れ',
    '色落ち',
    '動かない',
    '使えない',
    '汚れ',
    // ko
    '품질',
    '고장',
    '부서졌',
    '부서진',
    '깨졌',
    '깨진',
    '불량',
    '찢어',
    '작동하지',
    '작동 안',
    '색이 빠',
    '물이 빠',
    '얼룩',
    '파손',
    // id
    'kualitas*',
    'rusak',
    'cacat',
    'robek',
    'sobek',
    'luntur',
    'pecah',
    'tidak berfungsi',
    'tidak menyala',
    'noda',
    // vi
    'chat luong',
    'bi hong',
    'hu hong',
    'bi vo',
    'bi rach',
    'phai mau',
    'bac mau',
    'khong hoat dong',
    'hang loi',
    'loi san xuat',
    // th
    'คุณภาพ',
    'ชำรุด',
    'เสียหาย',
    'พัง',
    'แตกหัก',
    'แตกแล้ว',
    'ฉีกขาด',
    'สีตก',
    'สีซีด',
    'ใช้ไม่ได้',
    'ไม่ทำงาน',
    'มีตำหนิ',
  ],
  service: [
    // en
    'customer service',
    'customer support',
    'support',
    'rude',
    'unhelpful',
    'unprofessional',
    'no response',
    'no reply',
    'nobody answered',
    'no one answered',
    'nobody replied',
    'ignored',
    'agent*',
    'staff',
    // es
    'atencion al cliente',
    'servicio al cliente',
    'grosero*',
    'grosera*',
    'maleducad*',
    'nadie responde',
    'nadie contesta',
    'sin respuesta',
    'no responden',
    'no contestan',
    'soporte',
    // fr
    'service client*',
    'impoli*',
    'desagreable*',
    'aucune reponse',
    'pas de reponse',
    'personne ne repond',
    'conseill*',
    // de
    'kundenservice',
    'kundendienst',
    'unfreundlich*',
    'unhoflich*',
    'keine antwort',
    'niemand antwortet',
    'antwortet niemand',
    'mitarbeiter*',
    // it
    'servizio clienti',
    'assistenza',
    'scortes*',
    'maleducat*',
    'nessuna risposta',
    'nessuno risponde',
    'non rispondono',
    'operator*',
    // pt
    'atendimento',
    'atendente*',
    'grosseir*',
    'mal educad*',
    'sem resposta',
    'ninguem responde',
    'nao respondem',
    'suporte',
    // nl
    'klantenservice',
    'onbeleefd*',
    'onvriendelijk*',
    'geen antwoord',
    'geen reactie',
    'niemand reageert',
    'medewerker*',
    // pl
    'obsluga klienta',
    'obslug*',
    'niegrzeczn*',
    'nieuprzejm*',
    'brak odpowiedzi',
    'nikt nie odpowiada',
    'konsultant*',
    // ru
    'поддержк*',
    'груб*',
    'хам*',
    'никто не отвечает',
    'нет ответа',
    'не отвечают',
    'оператор*',
    'менеджер*',
    'сотрудник*',
    // tr
    'musteri hizmetleri',
    'destek*',
    'kaba',
    'kabaydi',
    'ilgisiz*',
    'cevap vermiyor',
    'cevap yok',
    'yanit yok',
    'donus yapmadi*',
    'temsilci*',
    // ar
    'خدمه العملاء',
    'دعم',
    'وقح*',
    'لا احد يرد',
    'لا يوجد رد',
    'لم يرد*',
    'بدون رد',
    'موظف*',
    // zh
    '客服',
    '服务态度',
    '服務態度',
    '态度',
    '態度',
    '不回复',
    '不回覆',
    '没人回',
    '沒人回',
    '没有回复',
    '不理人',
    '敷衍',
    // ja
    'カスタマーサービス',
    'サポート',
    '対応が悪',
    '返事がない',
    '返信がない',
    '返信が来ない',
    '担当者',
    'スタッフ',
    '態度が悪',
    // ko
    '고객센터',
    '고객 센터',
    '상담원',
    '상담',
    '불친절',
    '답변이 없',
    '답이 없',
    '연락이 없',
    '응대',
    '무례',
    // id
    'layanan pelanggan',
    'customer service',
    'cs',
    'admin*',
    'pelayanan',
    'tidak dibalas',
    'tidak direspon',
    'tidak ada jawaban',
    'tidak ada balasan',
    'kasar',
    'tidak sopan',
    // vi
    'cham soc khach hang',
    'nhan vien',
    'thai do',
    'khong tra loi',
    'khong phan hoi',
    'tu van',
    'tho lo',
    'bat lich su',
    // th
    'บริการลูกค้า',
    'การบริการ',
    'บริการแย่',
    'แอดมิน',
    'พนักงาน',
    'ไม่ตอบ',
    'ไม่มีใครตอบ',
    'พูดจาไม่ดี',
    'ไม่สุภาพ',
  ],
  price: [
    // en
    'price*',
    'pricing',
    'expensive',
    'overpriced',
    'cheaper',
    'discount*',
    'coupon*',
    'promo code',
    'voucher*',
    'fee',
    'fees',
    // es
    'precio*',
    'caro',
    'carisimo',
    'mas barato',
    'descuento*',
    'cupon*',
    'tarifa*',
    'comision*',
    // fr
    'prix',
    'cher',
    'chere',
    'cheres',
    'chers',
    'moins cher',
    'reduction*',
    'code promo',
    'frais',
    'tarif*',
    // de
    'preis*',
    'teuer*',
    'gunstiger',
    'rabatt*',
    'gutschein*',
    'gebuhr*',
    'versandkosten',
    // it
    'prezz*',
    'costos*',
    'troppo caro',
    'sconto*',
    'codice promo',
    'commission*',
    'piu economico',
    // pt
    'preco*',
    'muito caro',
    'desconto*',
    'cupom',
    'taxa*',
    'mais barato',
    // nl
    'prijs*',
    'prijz*',
    'duur',
    'te duur',
    'korting*',
    'goedkoper',
    'verzendkosten',
    // pl
    'cena',
    'ceny',
    'cene',
    'cenie',
    'za drog*',
    'drogo',
    'drozsz*',
    'rabat*',
    'kupon*',
    'kod rabatowy',
    'oplat*',
    // ru
    'цен*',
    'дорого',
    'дорогой',
    'дорогая',
    'дешевле',
    'скидк*',
    'промокод*',
    'купон*',
    'комисси*',
    // tr
    'fiyat*',
    'pahali*',
    'indirim*',
    'kupon*',
    'ucret*',
    'daha ucuz',
    // ar
    'سعر*',
    'اسعار*',
    'غالي*',
    'غاليه',
    'خصم*',
    'كوبون*',
    'رسوم*',
    'ارخص',
    // zh
    '价格',
    '價格',
    '太贵',
    '太貴',
    '降价',
    '降價',
    '便宜',
    '优惠',
    '優惠',
    '折扣',
    '差价',
    // ja
    '価格',
    '値段',
    '高すぎ',
    '値下げ',
    '割引',
    'クーポン',
    '手数料',
    // ko
    '가격',
    '비싸',
    '비쌉',
    '할인',
    '쿠폰',
    '수수료',
    // id
    'harga*',
    'mahal',
    'lebih murah',
    'diskon*',
    'kupon',
    'kode promo',
    'biaya',
    'ongkir',
    // vi
    'gia ca',
    'gia qua cao',
    'gia cao',
    'dat qua',
    'qua dat',
    'giam gia',
    'khuyen mai',
    're hon',
    'phi van chuyen',
    // th
    'ราคา',
    'แพง',
    'ส่วนลด',
    'คูปอง',
    'ค่าธรรมเนียม',
    'ถูกกว่า',
  ],
  website: [
    // en
    'website',
    'site',
    'app',
    'checkout',
    'login',
    'log in',
    'sign in',
    'password',
    'page',
    'bug*',
    'crash*',
    'error*',
    'glitch*',
    'not loading',
    // es
    'pagina web',
    'sitio web',
    'web',
    'pagina',
    'aplicacion',
    'iniciar sesion',
    'contrasena',
    'no carga',
    'se cuelga',
    // fr
    'site web',
    'application',
    'appli',
    'bogue*',
    'mot de passe',
    'connexion',
    'se connecter',
    'erreur*',
    'plante',
    // de
    'webseite*',
    'seite',
    'einloggen',
    'anmeld*',
    'passwort*',
    'fehlermeldung*',
    'absturz*',
    'sturzt ab',
    'ladt nicht',
    // it
    'sito',
    'applicazione',
    'accedere',
    'accesso',
    'errore*',
    'si blocca',
    'non carica',
    // pt
    'aplicativo',
    'senha',
    'entrar na conta',
    'erro',
    'travou',
    'trava',
    'nao carrega',
    // nl
    'inlog*',
    'wachtwoord*',
    'foutmelding*',
    'laadt niet',
    // pl
    'strona',
    'strony',
    'stronie',
    'strone',
    'aplikacj*',
    'logowani*',
    'zalogowac*',
    'haslo',
    'blad*',
    'bledu',
    'bledy',
    'nie laduje',
    'zawiesza',
    // ru
    'сайт*',
    'приложени*',
    'личный кабинет',
    'войти',
    'логин*',
    'парол*',
    'ошибк*',
    'не загружается',
    'вылета*',
    'глюч*',
    // tr
    'web sitesi',
    'sitesi',
    'uygulama*',
    'giris yap*',
    'sifre*',
    'hata*',
    'acilmiyor',
    'yuklenmiyor',
    'cokuyor',
    // ar
    'موقع*',
    'تطبيق*',
    'تسجيل الدخول',
    'كلمه المرور',
    'كلمه السر',
    'خطا*',
    'لا يفتح',
    // zh
    '网站',
    '網站',
    '网页',
    '網頁',
    '页面',
    '頁面',
    '登录',
    '登錄',
    '登不上',
    '密码',
    '密碼',
    '闪退',
    '閃退',
    '打不开',
    '加载',
    '报错',
    // ja
    'サイト',
    'ウェブ',
    'ホームページ',
    'アプリ',
    'ログイン',
    'パスワード',
    'エラー',
    '表示されない',
    '読み込め',
    // ko
    '사이트',
    '홈페이지',
    '앱',
    '어플',
    '로그인',
    '비밀번호',
    '오류',
    '에러',
    '접속',
    '로딩',
    // id
    'situs',
    'aplikasi*',
    'masuk akun',
    'kata sandi',
    'eror',
    'tidak bisa dibuka',
    'halaman',
    // vi
    'trang web',
    'ung dung',
    'dang nhap',
    'mat khau',
    'loi he thong',
    'khong tai duoc',
    'bi treo',
    'khong vao duoc',
    // th
    'เว็บไซต์',
    'เว็บ',
    'แอป',
    'แอพ',
    'เข้าสู่ระบบ',
    'ล็อกอิน',
    'รหัสผ่าน',
    'ข้อผิดพลาด',
    'โหลดไม่ขึ้น',
    'ระบบล่ม',
  ],
  payment: [
    // en
    'payment*',
    'paid',
    'charged',
    'charged twice',
    'double charged',
    'charge',
    'card',
    'credit card',
    'paypal',
    'refund*',
    'money back',
    'transaction*',
    // es
    'pago*',
    'pagar',
    'pague',
    'cobr*',
    'tarjeta*',
    'reembolso*',
    'devolucion del dinero',
    'transaccion*',
    // fr
    'paiement*',
    'paye',
    'debite*',
    'preleve*',
    'carte bancaire',
    'rembours*',
    // de
    'zahlung*',
    'bezahl*',
    'abgebucht',
    'abbuchung*',
    'kreditkarte*',
    'erstattung*',
    'ruckerstattung*',
    'geld zuruck',
    'uberweisung*',
    // it
    'pagament*',
    'pagato',
    'addebit*',
    'carta di credito',
    'rimbors*',
    'transazion*',
    // pt
    'pagamento*',
    'paguei',
    'cobrad*',
    'cobraram',
    'cobranca*',
    'cartao',
    'pix',
    'estorno*',
    'dinheiro de volta',
    'transacao*',
    // nl
    'betaling*',
    'betaald',
    'betaal*',
    'afgeschreven',
    'creditcard*',
    'terugbetaling*',
    'geld terug',
    'restitutie*',
    // pl
    'platnos*',
    'zaplac*',
    'oplacon*',
    'pobran*',
    'obciaz*',
    'karta',
    'karty',
    'karte',
    'blik',
    'zwrot pieniedzy',
    'zwrotu pieniedzy',
    'przelew*',
    // ru
    'оплат*',
    'платеж*',
    'списал*',
    'списан*',
    'карта',
    'карты',
    'карту',
    'картой',
    'возврат денег',
    'возврат средств',
    'вернуть деньги',
    'деньги не вернули',
    'транзакци*',
    // tr
    'odeme*',
    'odedim',
    'cekildi',
    'kart',
    'karti*',
    'kredi karti',
    'para iade*',
    'parami',
    'havale*',
    // ar
    'دفع*',
    'مدفوع*',
    'بطاق*',
    'فيزا',
    'استرداد*',
    'استرجاع المبلغ',
    'المبلغ',
    'فلوس*',
    'اموال*',
    'سحب',
    // zh
    '付款',
    '支付',
    '扣款',
    '扣了',
    '扣钱',
    '退款',
    '信用卡',
    '银行卡',
    '支付宝',
    '微信支付',
    // ja
    '支払',
    '決済',
    '二重請求',
    '請求',
    '引き落と',
    'クレジットカード',
    'カード',
    '返金',
    // ko
    '결제',
    '카드',
    '환불',
    '입금',
    '출금',
    '계좌',
    '돈이 빠져',
    // id
    'pembayaran',
    'bayar',
    'dibayar',
    'terpotong',
    'kartu kredit',
    'transfer',
    'uang kembali',
    'pengembalian dana',
    'tagihan',
    // vi
    'thanh toan',
    'tru tien',
    'the tin dung',
    'hoan tien',
    'chuyen khoan',
    'tra tien',
    'momo',
    // th
    'ชำระเงิน',
    'จ่ายเงิน',
    'ตัดเงิน',
    'หักเงิน',
    'บัตรเครดิต',
    'คืนเงิน',
    'โอนเงิน',
    'พร้อมเพย์',
  ],
};

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640]/g;

/** Case, width, Latin/Cyrillic accents and Arabic vowel marks and letter variants folded away. */
export function foldComplaintText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(ARABIC_MARKS, '')
    .normalize('NFC')
    .replace(/[ß]/g, 'ss')
    .replace(/[ł]/g, 'l')
    .replace(/[đ]/g, 'd')
    .replace(/[ı]/g, 'i')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[-‐‑]/g, ' ');
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
const ARABIC = /\p{Script=Arabic}/u;
// Letters of scripts with spaces end a word; a CJK or Thai letter right after "app" does not continue it.
const WORD_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{Script=Greek}\\p{M}\\p{N}]';
const WORD_TAIL = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{Script=Greek}\\p{M}]*';
const ARABIC_PROCLITICS = '(?:[وف])?(?:[بلك])?(?:ال|ل)?';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(term: string): string {
  const folded = foldComplaintText(term.trim());
  const prefix = folded.endsWith('*');
  const literal = escapeRegExp(prefix ? folded.slice(0, -1) : folded);
  if (UNSPACED.test(folded)) return literal.replace(/\s+/g, '\\s*');
  const body = literal.replace(/\s+/g, '\\s+');
  const lead = ARABIC.test(folded) ? ARABIC_PROCLITICS : '';
  return `(?<!${WORD_CHAR})${lead}${body}${prefix ? WORD_TAIL : `(?!${WORD_CHAR})`}`;
}

export type ComplaintMatcher = (text: string) => Array<{ category: KeywordCategory; term: string }>;

export function createComplaintMatcher(keywords: ComplaintKeywords = COMPLAINT_KEYWORDS): ComplaintMatcher {
  const compiled = TIE_ORDER.flatMap((category) =>
    [...new Set(keywords[category])]
      .filter((term) => term.trim() && term.trim() !== '*')
      .map((term) => ({
        category,
        term,
        pattern: new LazyPattern(keywordLiteral(foldComplaintText(term)), termPattern(term), 'u'),
      })),
  );
  return (text) => {
    const folded = foldComplaintText(text);
    return compiled
      .filter(({ pattern }) => pattern.for(folded)?.test(folded) === true)
      .map(({ category, term }) => ({ category, term }));
  };
}

/** Intents specific enough to name the category themselves, whatever words the shopper used. */
const INTENT_CATEGORY: ReadonlyMap<string, ComplaintCategory> = new Map(
  Object.entries({
    delivery_problem: 'delivery',
    track_order: 'delivery',
    // A wrong item is a picking mistake: the fulfilment owner fixes it, not the product team.
    wrong_item: 'delivery',
    damaged_item: 'quality',
    payment_issue: 'payment',
    refund_status: 'payment',
  } satisfies Record<string, ComplaintCategory>),
);

export interface ComplaintCategorisation {
  category: ComplaintCategory;
  source: 'intent' | 'keywords' | 'default';
  /** The keywords that matched, for the agent and for tuning the lists. */
  terms: string[];
}

const defaultMatcher = createComplaintMatcher();

export function categoriseComplaint(
  text: string,
  intent?: string,
  matcher: ComplaintMatcher = defaultMatcher,
): ComplaintCategorisation {
  const matches = matcher(text);
  const terms = matches.map((match) => match.term);
  const byIntent = intent === undefined ? undefined : INTENT_CATEGORY.get(intent);
  if (byIntent) return { category: byIntent, source: 'intent', terms };
  if (matches.length === 0) return { category: 'other', source: 'default', terms };
  const counts = new Map<KeywordCategory, number>();
  for (const { category } of matches) counts.set(category, (counts.get(category) ?? 0) + 1);
  let best: KeywordCategory | undefined;
  for (const category of TIE_ORDER) {
    const count = counts.get(category) ?? 0;
    if (count > 0 && (best === undefined || count > (counts.get(best) ?? 0))) best = category;
  }
  return { category: best ?? 'other', source: 'keywords', terms };
}

// ---------------------------------------------------------------------------------------------------------
// Routing

export const ComplaintOwnerSchema = z
  .object({
    type: z.enum(['queue', 'person']),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/),
  })
  .strict();
export type ComplaintOwner = z.infer<typeof ComplaintOwnerSchema>;

export const ComplaintRoutingSchema = z
  .object({
    defaultOwner: ComplaintOwnerSchema,
    // Required: a payment problem must reach someone who may move money, never the default queue.
    payment: ComplaintOwnerSchema,
    delivery: ComplaintOwnerSchema.optional(),
    quality: ComplaintOwnerSchema.optional(),
    service: ComplaintOwnerSchema.optional(),
    price: ComplaintOwnerSchema.optional(),
    website: ComplaintOwnerSchema.optional(),
    other: ComplaintOwnerSchema.optional(),
  })
  .strict();
export type ComplaintRouting = z.infer<typeof ComplaintRoutingSchema>;

export function parseComplaintRouting(input: unknown): ComplaintRouting {
  return ComplaintRoutingSchema.parse(input);
}

export interface ComplaintRoute {
  category: ComplaintCategory;
  owner: ComplaintOwner;
  /** True when no owner is configured for the category and the default owner takes it. */
  viaDefault: boolean;
}

export function routeComplaint(category: ComplaintCategory, routing: ComplaintRouting): ComplaintRoute {
  const owner = routing[category];
  return owner
    ? { category, owner, viaDefault: false }
    : { category, owner: routing.defaultOwner, viaDefault: true };
}
