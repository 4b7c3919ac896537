import { type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';

/**
 * What the shopper is told about the people's side of the desk, in their language. Placeholders:
 * {name} an agent's first name, {position} a place in the queue, {minutes} a wait, {when} an opening time.
 */
interface NoticeTexts {
  joined: string;
  handedBack: string;
  resolved: string;
  waiting: string;
  closedUntil: string;
}

// One row per language: reviewable by translators at a glance.
const NOTICES: Readonly<Record<SupportedLanguage, NoticeTexts>> = {
  en: {
    joined: '{name} from our team has joined the chat.',
    handedBack: '{name} has handed you back to the assistant. You can keep asking here.',
    resolved: '{name} has closed this case. Write here any time if you need more help.',
    waiting:
      'You are number {position} in the queue for a person; the wait is about {minutes} min. Your messages here will be read.',
    closedUntil:
      'Nobody from our team is online right now. A person will answer from {when}. Your messages here will be read.',
  },
  es: {
    joined: '{name}, de nuestro equipo, se ha unido al chat.',
    handedBack: '{name} te ha devuelto al asistente. Puedes seguir preguntando aquí.',
    resolved: '{name} ha cerrado este caso. Escribe aquí cuando necesites más ayuda.',
    waiting:
      'Eres el número {position} en la cola para hablar con una persona; la espera es de unos {minutes} min. Leeremos tus mensajes aquí.',
    closedUntil:
      'Ahora mismo no hay nadie del equipo conectado. Una persona te responderá a partir de {when}. Leeremos tus mensajes aquí.',
  },
  fr: {
    joined: '{name}, de notre équipe, a rejoint la conversation.',
    handedBack: '{name} vous a redirigé vers l’assistant. Vous pouvez continuer à poser vos questions ici.',
    resolved: '{name} a clôturé ce dossier. Écrivez ici à tout moment si vous avez besoin d’aide.',
    waiting:
      'Vous êtes numéro {position} dans la file d’attente pour un conseiller ; l’attente est d’environ {minutes} min. Vos messages ici seront lus.',
    closedUntil:
      'Personne de notre équipe n’est en ligne pour le moment. Un conseiller vous répondra à partir de {when}. Vos messages ici seront lus.',
  },
  de: {
    joined: '{name} aus unserem Team ist dem Chat beigetreten.',
    handedBack: '{name} hat Sie an den Assistenten zurückgegeben. Sie können hier weiter Fragen stellen.',
    resolved: '{name} hat diesen Fall abgeschlossen. Schreiben Sie hier jederzeit, wenn Sie Hilfe brauchen.',
    waiting:
      'Sie sind Nummer {position} in der Warteschlange für einen Mitarbeiter; die Wartezeit beträgt etwa {minutes} Min. Ihre Nachrichten hier werden gelesen.',
    closedUntil:
      'Gerade ist niemand aus unserem Team online. Ein Mitarbeiter antwortet Ihnen ab {when}. Ihre Nachrichten hier werden gelesen.',
  },
  it: {
    joined: '{name} del nostro team si è unito alla chat.',
    handedBack: '{name} ti ha riaffidato all’assistente. Puoi continuare a chiedere qui.',
    resolved: '{name} ha chiuso questo caso. Scrivi qui in qualsiasi momento se ti serve aiuto.',
    waiting:
      'Sei il numero {position} in coda per parlare con una persona; l’attesa è di circa {minutes} min. I tuoi messaggi qui verranno letti.',
    closedUntil:
      'In questo momento nessuno del team è online. Una persona ti risponderà a partire da {when}. I tuoi messaggi qui verranno letti.',
  },
  pt: {
    joined: '{name}, da nossa equipe, entrou no chat.',
    handedBack: '{name} devolveu você ao assistente. Você pode continuar perguntando aqui.',
    resolved: '{name} encerrou este caso. Escreva aqui quando precisar de mais ajuda.',
    waiting:
      'Você é o número {position} na fila para falar com uma pessoa; a espera é de cerca de {minutes} min. Suas mensagens aqui serão lidas.',
    closedUntil:
      'Ninguém da nossa equipe está online agora. Uma pessoa responderá a partir de {when}. Suas mensagens aqui serão lidas.',
  },
  nl: {
    joined: '{name} van ons team neemt deel aan de chat.',
    handedBack: '{name} heeft je teruggegeven aan de assistent. Je kunt hier verder vragen stellen.',
    resolved: '{name} heeft deze zaak afgesloten. Schrijf hier als je meer hulp nodig hebt.',
    waiting:
      'Je bent nummer {position} in de wachtrij voor een medewerker; de wachttijd is ongeveer {minutes} min. Je berichten hier worden gelezen.',
    closedUntil:
      'Er is nu niemand van ons team online. Een medewerker antwoordt vanaf {when}. Je berichten hier worden gelezen.',
  },
  pl: {
    joined: '{name} z naszego zespołu dołącza do czatu.',
    handedBack: '{name} przekazuje rozmowę z powrotem asystentowi. Możesz dalej pytać tutaj.',
    resolved: '{name} zamyka tę sprawę. Napisz tutaj, jeśli potrzebujesz pomocy.',
    waiting:
      'Jesteś numerem {position} w kolejce do konsultanta; czas oczekiwania to około {minutes} min. Twoje wiadomości zostaną przeczytane.',
    closedUntil:
      'Nikt z naszego zespołu nie jest teraz dostępny. Konsultant odpowie od {when}. Twoje wiadomości zostaną przeczytane.',
  },
  ru: {
    joined: '{name} из нашей команды присоединяется к чату.',
    handedBack: '{name} передаёт вас обратно ассистенту. Вы можете продолжать задавать вопросы здесь.',
    resolved: '{name} закрывает это обращение. Пишите сюда, если понадобится помощь.',
    waiting:
      'Вы {position}-й в очереди к оператору; ожидание около {minutes} мин. Ваши сообщения здесь прочитают.',
    closedUntil:
      'Сейчас никого из нашей команды нет на связи. Оператор ответит начиная с {when}. Ваши сообщения здесь прочитают.',
  },
  tr: {
    joined: 'Ekibimizden {name} sohbete katıldı.',
    handedBack: '{name} sizi asistana geri yönlendirdi. Burada sormaya devam edebilirsiniz.',
    resolved: '{name} bu talebi kapattı. Yardıma ihtiyacınız olursa buraya yazabilirsiniz.',
    waiting:
      'Bir temsilci için sırada {position}. sıradasınız; bekleme süresi yaklaşık {minutes} dk. Buradaki mesajlarınız okunacak.',
    closedUntil:
      'Şu anda ekibimizden kimse çevrimiçi değil. Bir temsilci {when} itibarıyla yanıt verecek. Buradaki mesajlarınız okunacak.',
  },
  ar: {
    joined: 'انضم {name} من فريقنا إلى المحادثة.',
    handedBack: 'أعادك {name} إلى المساعد. يمكنك متابعة طرح أسئلتك هنا.',
    resolved: 'أغلق {name} هذه الحالة. اكتب هنا في أي وقت إذا احتجت إلى مساعدة.',
    waiting:
      'ترتيبك {position} في قائمة الانتظار للتحدث مع موظف؛ مدة الانتظار نحو {minutes} دقيقة. ستتم قراءة رسائلك هنا.',
    closedUntil: 'لا يوجد أحد من فريقنا متصل الآن. سيرد عليك موظف اعتبارًا من {when}. ستتم قراءة رسائلك هنا.',
  },
  zh: {
    joined: '我们团队的 {name} 已加入对话。',
    handedBack: '{name} 已将对话交还给智能助手，您可以继续在这里提问。',
    resolved: '{name} 已结束此事项。如需更多帮助，请随时在这里留言。',
    waiting: '您在人工客服队列中排第 {position} 位，预计等待约 {minutes} 分钟。您在这里的留言都会被看到。',
    closedUntil: '我们的团队目前不在线，人工客服将于 {when} 起回复您。您在这里的留言都会被看到。',
  },
  ja: {
    joined: '担当の{name}がチャットに参加しました。',
    handedBack: '{name}からアシスタントに戻りました。引き続きこちらでご質問いただけます。',
    resolved: '{name}がこの件を完了しました。お困りの際はいつでもこちらにご連絡ください。',
    waiting:
      '担当者の順番待ちで{position}番目です。待ち時間は約{minutes}分です。こちらのメッセージは担当者が確認します。',
    closedUntil:
      '現在担当者は不在です。{when}以降に担当者が返信します。こちらのメッセージは担当者が確認します。',
  },
  ko: {
    joined: '저희 팀의 {name} 님이 채팅에 참여했습니다.',
    handedBack: '{name} 님이 어시스턴트에게 대화를 넘겼습니다. 여기서 계속 문의하실 수 있습니다.',
    resolved: '{name} 님이 이 건을 종료했습니다. 도움이 더 필요하시면 언제든 여기에 남겨 주세요.',
    waiting:
      '상담원 대기열에서 {position}번째입니다. 대기 시간은 약 {minutes}분입니다. 여기 남기신 메시지는 확인됩니다.',
    closedUntil:
      '지금은 상담원이 없습니다. {when}부터 상담원이 답변드립니다. 여기 남기신 메시지는 확인됩니다.',
  },
  id: {
    joined: '{name} dari tim kami telah bergabung ke obrolan.',
    handedBack: '{name} telah mengembalikan Anda ke asisten. Anda bisa terus bertanya di sini.',
    resolved: '{name} telah menutup kasus ini. Tulis di sini kapan saja jika butuh bantuan.',
    waiting:
      'Anda di urutan ke-{position} dalam antrean untuk staf kami; waktu tunggu sekitar {minutes} menit. Pesan Anda di sini akan dibaca.',
    closedUntil:
      'Saat ini tidak ada tim kami yang online. Staf kami akan menjawab mulai {when}. Pesan Anda di sini akan dibaca.',
  },
  vi: {
    joined: '{name} từ đội ngũ của chúng tôi đã tham gia cuộc trò chuyện.',
    handedBack: '{name} đã chuyển bạn lại cho trợ lý. Bạn có thể tiếp tục hỏi tại đây.',
    resolved: '{name} đã đóng yêu cầu này. Hãy nhắn tại đây bất cứ lúc nào nếu cần hỗ trợ.',
    waiting:
      'Bạn đang ở vị trí số {position} trong hàng chờ gặp nhân viên; thời gian chờ khoảng {minutes} phút. Tin nhắn của bạn tại đây sẽ được đọc.',
    closedUntil:
      'Hiện không có nhân viên nào trực tuyến. Nhân viên sẽ trả lời từ {when}. Tin nhắn của bạn tại đây sẽ được đọc.',
  },
  th: {
    joined: '{name} จากทีมของเราเข้าร่วมแชทแล้ว',
    handedBack: '{name} ส่งคุณกลับไปยังผู้ช่วยแล้ว คุณสามารถถามต่อได้ที่นี่',
    resolved: '{name} ปิดเรื่องนี้แล้ว หากต้องการความช่วยเหลือเพิ่มเติม เขียนมาที่นี่ได้ตลอดเวลา',
    waiting: 'คุณอยู่ลำดับที่ {position} ในคิวรอเจ้าหน้าที่ เวลารอประมาณ {minutes} นาที ข้อความของคุณที่นี่จะถูกอ่าน',
    closedUntil: 'ขณะนี้ไม่มีเจ้าหน้าที่ออนไลน์ เจ้าหน้าที่จะตอบกลับตั้งแต่ {when} ข้อความของคุณที่นี่จะถูกอ่าน',
  },
};

export type NoticeKind = keyof NoticeTexts;

export function noticeLanguage(language: string | undefined): SupportedLanguage {
  return supportedLanguageOf(language) ?? 'en';
}

export function shopperNotice(
  language: string | undefined,
  kind: NoticeKind,
  values: { name?: string; position?: number; minutes?: number; when?: string } = {},
): string {
  const template = NOTICES[noticeLanguage(language)][kind];
  return template.replace(/\{(name|position|minutes|when)\}/g, (_, key: keyof typeof values) =>
    String(values[key] ?? ''),
  );
}
