// biome-ignore format: the language list reads best on one line
export const LANGUAGES = [
  'en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'tr', 'ar', 'zh', 'ja', 'ko', 'id', 'vi', 'th',
] as const;
export type Language = (typeof LANGUAGES)[number];

// biome-ignore format: keys read best as a compact list
const KEYS = [
  'openChat', 'closeChat', 'title', 'messages', 'messageLabel', 'placeholder', 'send', 'connecting',
  'reconnecting', 'offline', 'sending', 'failed', 'errorGeneric', 'rateLimited', 'you', 'assistant', 'agent',
  'typing', 'read', 'attachPhoto', 'photo', 'uploadFailed',
] as const;
export type StringKey = (typeof KEYS)[number];
export type Strings = Record<StringKey, string>;

// One row per language, in the order of KEYS: a table that stays reviewable by translators at a glance.
// biome-ignore format: one line per language keeps the table readable
const TABLE: Record<Language, readonly string[]> = {
  en: ['Open chat', 'Close chat', 'Customer service', 'Messages', 'Message', 'Write a message…', 'Send', 'Connecting…', 'Reconnecting…', 'You are offline. Your messages will be sent when you are back online.', 'Sending…', 'Not sent', 'Sorry, something went wrong. Please try again.', 'You are sending messages quickly; yours will be sent in a moment.', 'You', 'Assistant', 'Agent', 'Typing…', 'Read', 'Attach a photo', 'Photo', 'The photo could not be sent. Please try again.'],
  es: ['Abrir chat', 'Cerrar chat', 'Atención al cliente', 'Mensajes', 'Mensaje', 'Escribe un mensaje…', 'Enviar', 'Conectando…', 'Reconectando…', 'Estás sin conexión. Tus mensajes se enviarán cuando vuelvas a estar en línea.', 'Enviando…', 'No enviado', 'Lo sentimos, algo salió mal. Inténtalo de nuevo.', 'Estás enviando mensajes muy rápido; el tuyo se enviará en un momento.', 'Tú', 'Asistente', 'Agente', 'Escribiendo…', 'Leído', 'Adjuntar una foto', 'Foto', 'No se pudo enviar la foto. Inténtalo de nuevo.'],
  fr: ['Ouvrir le chat', 'Fermer le chat', 'Service client', 'Messages', 'Message', 'Écrivez un message…', 'Envoyer', 'Connexion…', 'Reconnexion…', 'Vous êtes hors ligne. Vos messages seront envoyés dès le retour de la connexion.', 'Envoi…', 'Non envoyé', 'Désolé, un problème est survenu. Veuillez réessayer.', 'Vous envoyez des messages très vite ; le vôtre partira dans un instant.', 'Vous', 'Assistant', 'Conseiller', 'En train d’écrire…', 'Lu', 'Joindre une photo', 'Photo', 'La photo n’a pas pu être envoyée. Veuillez réessayer.'],
  de: ['Chat öffnen', 'Chat schließen', 'Kundenservice', 'Nachrichten', 'Nachricht', 'Nachricht schreiben…', 'Senden', 'Verbinde…', 'Verbindung wird wiederhergestellt…', 'Sie sind offline. Ihre Nachrichten werden gesendet, sobald Sie wieder online sind.', 'Wird gesendet…', 'Nicht gesendet', 'Entschuldigung, etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.', 'Sie senden sehr schnell Nachrichten; Ihre wird gleich gesendet.', 'Sie', 'Assistent', 'Mitarbeiter', 'Schreibt…', 'Gelesen', 'Foto anhängen', 'Foto', 'Das Foto konnte nicht gesendet werden. Bitte versuchen Sie es erneut.'],
  it: ['Apri la chat', 'Chiudi la chat', 'Assistenza clienti', 'Messaggi', 'Messaggio', 'Scrivi un messaggio…', 'Invia', 'Connessione…', 'Riconnessione…', 'Sei offline. I tuoi messaggi verranno inviati quando tornerai online.', 'Invio…', 'Non inviato', 'Spiacenti, qualcosa è andato storto. Riprova.', 'Stai inviando messaggi molto velocemente; il tuo verrà inviato tra poco.', 'Tu', 'Assistente', 'Operatore', 'Sta scrivendo…', 'Letto', 'Allega una foto', 'Foto', 'Non è stato possibile inviare la foto. Riprova.'],
  pt: ['Abrir chat', 'Fechar chat', 'Atendimento ao cliente', 'Mensagens', 'Mensagem', 'Escreva uma mensagem…', 'Enviar', 'Conectando…', 'Reconectando…', 'Você está offline. Suas mensagens serão enviadas quando voltar a ficar online.', 'Enviando…', 'Não enviada', 'Desculpe, algo deu errado. Tente novamente.', 'Você está enviando mensagens muito rápido; a sua será enviada em instantes.', 'Você', 'Assistente', 'Atendente', 'Digitando…', 'Lida', 'Anexar uma foto', 'Foto', 'Não foi possível enviar a foto. Tente novamente.'],
  nl: ['Chat openen', 'Chat sluiten', 'Klantenservice', 'Berichten', 'Bericht', 'Schrijf een bericht…', 'Versturen', 'Verbinden…', 'Opnieuw verbinden…', 'Je bent offline. Je berichten worden verstuurd zodra je weer online bent.', 'Versturen…', 'Niet verstuurd', 'Sorry, er ging iets mis. Probeer het opnieuw.', 'Je verstuurt snel berichten; het jouwe wordt zo verstuurd.', 'Jij', 'Assistent', 'Medewerker', 'Typt…', 'Gelezen', 'Foto toevoegen', 'Foto', 'De foto kon niet worden verstuurd. Probeer het opnieuw.'],
  pl: ['Otwórz czat', 'Zamknij czat', 'Obsługa klienta', 'Wiadomości', 'Wiadomość', 'Napisz wiadomość…', 'Wyślij', 'Łączenie…', 'Ponowne łączenie…', 'Jesteś offline. Wiadomości zostaną wysłane po przywróceniu połączenia.', 'Wysyłanie…', 'Nie wysłano', 'Przepraszamy, coś poszło nie tak. Spróbuj ponownie.', 'Wysyłasz wiadomości bardzo szybko; Twoja zostanie wysłana za chwilę.', 'Ty', 'Asystent', 'Konsultant', 'Pisze…', 'Przeczytano', 'Dołącz zdjęcie', 'Zdjęcie', 'Nie udało się wysłać zdjęcia. Spróbuj ponownie.'],
  ru: ['Открыть чат', 'Закрыть чат', 'Служба поддержки', 'Сообщения', 'Сообщение', 'Напишите сообщение…', 'Отправить', 'Подключение…', 'Переподключение…', 'Нет сети. Сообщения будут отправлены, когда связь восстановится.', 'Отправка…', 'Не отправлено', 'Извините, что-то пошло не так. Попробуйте ещё раз.', 'Вы отправляете сообщения слишком быстро; ваше уйдёт через мгновение.', 'Вы', 'Ассистент', 'Оператор', 'Печатает…', 'Прочитано', 'Прикрепить фото', 'Фото', 'Не удалось отправить фото. Попробуйте ещё раз.'],
  tr: ['Sohbeti aç', 'Sohbeti kapat', 'Müşteri hizmetleri', 'Mesajlar', 'Mesaj', 'Bir mesaj yazın…', 'Gönder', 'Bağlanıyor…', 'Yeniden bağlanıyor…', 'Çevrimdışısınız. Mesajlarınız tekrar çevrimiçi olduğunuzda gönderilecek.', 'Gönderiliyor…', 'Gönderilmedi', 'Üzgünüz, bir sorun oluştu. Lütfen tekrar deneyin.', 'Çok hızlı mesaj gönderiyorsunuz; mesajınız birazdan gönderilecek.', 'Siz', 'Asistan', 'Temsilci', 'Yazıyor…', 'Okundu', 'Fotoğraf ekle', 'Fotoğraf', 'Fotoğraf gönderilemedi. Lütfen tekrar deneyin.'],
  ar: ['فتح المحادثة', 'إغلاق المحادثة', 'خدمة العملاء', 'الرسائل', 'الرسالة', 'اكتب رسالة…', 'إرسال', 'جارٍ الاتصال…', 'جارٍ إعادة الاتصال…', 'أنت غير متصل. سيتم إرسال رسائلك عند عودة الاتصال.', 'جارٍ الإرسال…', 'لم تُرسل', 'عذرًا، حدث خطأ ما. يرجى المحاولة مرة أخرى.', 'أنت ترسل الرسائل بسرعة؛ سيتم إرسال رسالتك بعد لحظات.', 'أنت', 'المساعد', 'الموظف', 'يكتب…', 'تمت القراءة', 'إرفاق صورة', 'صورة', 'تعذّر إرسال الصورة. يرجى المحاولة مرة أخرى.'],
  zh: ['打开聊天', '关闭聊天', '客户服务', '消息', '消息内容', '输入消息…', '发送', '正在连接…', '正在重新连接…', '您已离线。恢复网络后将自动发送您的消息。', '正在发送…', '未发送', '抱歉，出现了问题。请重试。', '您发送消息过快，您的消息将稍后发送。', '您', '助手', '客服', '正在输入…', '已读', '添加照片', '照片', '照片发送失败，请重试。'],
  ja: ['チャットを開く', 'チャットを閉じる', 'カスタマーサービス', 'メッセージ', 'メッセージ', 'メッセージを入力…', '送信', '接続中…', '再接続中…', 'オフラインです。オンラインに戻るとメッセージが送信されます。', '送信中…', '未送信', '申し訳ありません。問題が発生しました。もう一度お試しください。', '送信が速すぎます。まもなく送信されます。', 'あなた', 'アシスタント', '担当者', '入力中…', '既読', '写真を添付', '写真', '写真を送信できませんでした。もう一度お試しください。'],
  ko: ['채팅 열기', '채팅 닫기', '고객 서비스', '메시지', '메시지', '메시지를 입력하세요…', '보내기', '연결 중…', '다시 연결 중…', '오프라인 상태입니다. 다시 연결되면 메시지가 전송됩니다.', '보내는 중…', '전송되지 않음', '죄송합니다. 문제가 발생했습니다. 다시 시도해 주세요.', '메시지를 너무 빠르게 보내고 있습니다. 잠시 후 전송됩니다.', '나', '어시스턴트', '상담원', '입력 중…', '읽음', '사진 첨부', '사진', '사진을 보내지 못했습니다. 다시 시도해 주세요.'],
  id: ['Buka obrolan', 'Tutup obrolan', 'Layanan pelanggan', 'Pesan', 'Pesan', 'Tulis pesan…', 'Kirim', 'Menghubungkan…', 'Menghubungkan ulang…', 'Anda sedang offline. Pesan Anda akan dikirim saat kembali online.', 'Mengirim…', 'Tidak terkirim', 'Maaf, terjadi kesalahan. Silakan coba lagi.', 'Anda mengirim pesan terlalu cepat; pesan Anda akan segera dikirim.', 'Anda', 'Asisten', 'Agen', 'Sedang mengetik…', 'Dibaca', 'Lampirkan foto', 'Foto', 'Foto tidak dapat dikirim. Silakan coba lagi.'],
  vi: ['Mở trò chuyện', 'Đóng trò chuyện', 'Chăm sóc khách hàng', 'Tin nhắn', 'Tin nhắn', 'Nhập tin nhắn…', 'Gửi', 'Đang kết nối…', 'Đang kết nối lại…', 'Bạn đang ngoại tuyến. Tin nhắn sẽ được gửi khi có mạng trở lại.', 'Đang gửi…', 'Chưa gửi', 'Xin lỗi, đã xảy ra lỗi. Vui lòng thử lại.', 'Bạn gửi tin nhắn quá nhanh; tin của bạn sẽ được gửi sau giây lát.', 'Bạn', 'Trợ lý', 'Nhân viên', 'Đang nhập…', 'Đã xem', 'Đính kèm ảnh', 'Ảnh', 'Không gửi được ảnh. Vui lòng thử lại.'],
  th: ['เปิดแชท', 'ปิดแชท', 'ฝ่ายบริการลูกค้า', 'ข้อความ', 'ข้อความ', 'พิมพ์ข้อความ…', 'ส่ง', 'กำลังเชื่อมต่อ…', 'กำลังเชื่อมต่อใหม่…', 'คุณออฟไลน์อยู่ ข้อความจะถูกส่งเมื่อกลับมาออนไลน์', 'กำลังส่ง…', 'ส่งไม่สำเร็จ', 'ขออภัย เกิดข้อผิดพลาด โปรดลองอีกครั้ง', 'คุณส่งข้อความเร็วเกินไป ข้อความของคุณจะถูกส่งในอีกสักครู่', 'คุณ', 'ผู้ช่วย', 'เจ้าหน้าที่', 'กำลังพิมพ์…', 'อ่านแล้ว', 'แนบรูปภาพ', 'รูปภาพ', 'ส่งรูปภาพไม่สำเร็จ โปรดลองอีกครั้ง'],
};

/** The requested language, else the browser's, else English: a shopper never sees an empty label. */
export function pickLanguage(requested: string | null | undefined, browser: readonly string[]): Language {
  for (const tag of [requested, ...browser]) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/** Keys a language's row lacks (they would show in English): none, for a complete table. */
export function untranslatedKeys(language: Language): StringKey[] {
  return KEYS.filter((_key, index) => !TABLE[language][index]);
}

export function stringsFor(language: Language): Strings {
  const row = TABLE[language];
  return Object.fromEntries(KEYS.map((key, index) => [key, row[index] ?? TABLE.en[index] ?? key])) as Strings;
}

export const isRightToLeft = (language: Language): boolean => language === 'ar';
