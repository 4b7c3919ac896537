/** What a shopper reads when the model fails: polite, in their language, and never an internal detail. */
const FALLBACK: Record<string, string> = {
  en: "Sorry, I can't answer that right now. A member of our team will get back to you here shortly.",
  es: 'Lo siento, ahora mismo no puedo responder. Una persona de nuestro equipo te contestará aquí en breve.',
  fr: "Désolé, je ne peux pas répondre pour l'instant. Un membre de notre équipe vous répondra ici très vite.",
  de: 'Entschuldigung, ich kann gerade nicht antworten. Jemand aus unserem Team meldet sich hier in Kürze.',
  it: 'Mi dispiace, al momento non posso rispondere. Una persona del nostro team ti risponderà qui a breve.',
  pt: 'Desculpe, não consigo responder agora. Alguém da nossa equipa vai responder-lhe aqui em breve.',
  nl: 'Sorry, ik kan nu niet antwoorden. Iemand van ons team reageert hier zo snel mogelijk.',
  pl: 'Przepraszamy, nie mogę teraz odpowiedzieć. Ktoś z naszego zespołu wkrótce odpisze tutaj.',
  ru: 'Извините, сейчас я не могу ответить. Сотрудник нашей команды скоро ответит вам здесь.',
  tr: 'Üzgünüm, şu anda yanıt veremiyorum. Ekibimizden biri kısa süre içinde size buradan dönecek.',
  ar: 'عذرًا، لا أستطيع الرد الآن. سيتواصل معك أحد أعضاء فريقنا هنا قريبًا.',
  zh: '抱歉，我现在无法回答。我们的团队成员会尽快在这里回复您。',
  ja: '申し訳ありません、ただいまお答えできません。担当者がまもなくこちらでご連絡します。',
  ko: '죄송합니다. 지금은 답변을 드릴 수 없습니다. 곧 저희 팀원이 여기에서 답변드리겠습니다.',
  id: 'Maaf, saya belum bisa menjawab sekarang. Tim kami akan segera membalas Anda di sini.',
  vi: 'Xin lỗi, hiện tôi chưa thể trả lời. Một thành viên trong nhóm sẽ sớm phản hồi bạn tại đây.',
  th: 'ขออภัย ขณะนี้ฉันยังตอบไม่ได้ ทีมงานของเราจะติดต่อกลับที่นี่โดยเร็ว',
};

export function fallbackReply(language: string | undefined): string {
  return FALLBACK[(language ?? 'en').slice(0, 2)] ?? (FALLBACK.en as string);
}
