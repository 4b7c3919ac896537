import type { SupportedLanguage } from '../nlu/languages';

/**
 * The first half of a hand-off reply when nobody can answer now: what was done, with no promise of when.
 * The second half is the desk's own closed notice (core/console/shopper-notices `closedUntil`), so the reply
 * and the queue notice name the same time in the same words.
 */
export interface OutOfHoursLeads {
  /** A person was asked to take over the chat. */
  asked: string;
  /** A case was opened and passed to its team. */
  caseOpened: string;
  /** A follow-up joined the case already open for the same problem. */
  caseJoined: string;
  /** The store had no answer to the question, and a person was asked. */
  unknown: string;
}

export const OUT_OF_HOURS_LEADS: Record<SupportedLanguage, OutOfHoursLeads> = {
  en: {
    asked: "I've asked a person from our team to take over this chat.",
    caseOpened: "I'm sorry about that. I've opened case {claimId} and passed it to the team in charge.",
    caseJoined: "I've added this to your case {claimId}, which is already open for this problem.",
    unknown:
      "I don't know the answer to that, and I'd rather not guess. I've asked a person from our team to take over this chat.",
  },
  es: {
    asked: 'He pedido a una persona de nuestro equipo que se encargue de este chat.',
    caseOpened: 'Lo siento mucho. He abierto el caso {claimId} y lo he pasado al equipo responsable.',
    caseJoined: 'Lo he añadido a tu caso {claimId}, que ya está abierto por este problema.',
    unknown:
      'No sé la respuesta y prefiero no inventarla. He pedido a una persona de nuestro equipo que se encargue de este chat.',
  },
  fr: {
    asked: 'J’ai demandé à une personne de notre équipe de reprendre cette conversation.',
    caseOpened: 'Je suis désolé. J’ai ouvert le dossier {claimId} et l’ai transmis à l’équipe concernée.',
    caseJoined: 'J’ai ajouté ceci à votre dossier {claimId}, déjà ouvert pour ce problème.',
    unknown:
      "Je ne connais pas la réponse et je préfère ne pas l'inventer. J’ai demandé à une personne de notre équipe de reprendre cette conversation.",
  },
  de: {
    asked: 'Ich habe einen Mitarbeiter aus unserem Team gebeten, diesen Chat zu übernehmen.',
    caseOpened:
      'Das tut mir leid. Ich habe den Fall {claimId} eröffnet und an das zuständige Team weitergegeben.',
    caseJoined: 'Ich habe das zu Ihrem bereits offenen Fall {claimId} hinzugefügt.',
    unknown:
      'Das weiß ich leider nicht, und ich möchte nichts erfinden. Ich habe einen Mitarbeiter aus unserem Team gebeten, diesen Chat zu übernehmen.',
  },
  it: {
    asked: 'Ho chiesto a una persona del nostro team di prendere in carico questa chat.',
    caseOpened: 'Mi dispiace. Ho aperto la pratica {claimId} e l’ho passata al team competente.',
    caseJoined: 'L’ho aggiunto alla tua pratica {claimId}, già aperta per questo problema.',
    unknown:
      'Non conosco la risposta e preferisco non inventarla. Ho chiesto a una persona del nostro team di prendere in carico questa chat.',
  },
  pt: {
    asked: 'Pedi a uma pessoa da nossa equipe que assuma esta conversa.',
    caseOpened: 'Sinto muito. Abri o caso {claimId} e passei para a equipe responsável.',
    caseJoined: 'Adicionei isto ao seu caso {claimId}, que já está aberto para este problema.',
    unknown:
      'Não sei a resposta e prefiro não inventar. Pedi a uma pessoa da nossa equipe que assuma esta conversa.',
  },
  nl: {
    asked: 'Ik heb iemand van ons team gevraagd dit gesprek over te nemen.',
    caseOpened: 'Dat spijt me. Ik heb zaak {claimId} geopend en doorgegeven aan het verantwoordelijke team.',
    caseJoined: 'Ik heb dit toegevoegd aan je zaak {claimId}, die al open staat voor dit probleem.',
    unknown:
      'Dat weet ik niet en ik wil niets verzinnen. Ik heb iemand van ons team gevraagd dit gesprek over te nemen.',
  },
  pl: {
    asked: 'Poprosiłem osobę z naszego zespołu o przejęcie tej rozmowy.',
    caseOpened: 'Przykro mi. Otworzyłem sprawę {claimId} i przekazałem ją odpowiedniemu zespołowi.',
    caseJoined: 'Dodałem to do Twojej sprawy {claimId}, która jest już otwarta w tej kwestii.',
    unknown:
      'Nie znam odpowiedzi i wolę nie zgadywać. Poprosiłem osobę z naszego zespołu o przejęcie tej rozmowy.',
  },
  ru: {
    asked: 'Я попросил сотрудника нашей команды подключиться к этому чату.',
    caseOpened: 'Мне очень жаль. Я открыл обращение {claimId} и передал его ответственной команде.',
    caseJoined: 'Я добавил это к вашему обращению {claimId}, которое уже открыто по этой проблеме.',
    unknown:
      'Я не знаю ответа и не хочу гадать. Я попросил сотрудника нашей команды подключиться к этому чату.',
  },
  tr: {
    asked: 'Ekibimizden birinin bu sohbeti devralmasını istedim.',
    caseOpened: 'Bunun için üzgünüm. {claimId} numaralı kaydı açtım ve ilgili ekibe ilettim.',
    caseJoined: 'Bunu bu sorun için zaten açık olan {claimId} numaralı kaydınıza ekledim.',
    unknown:
      'Bunun cevabını bilmiyorum ve tahmin yürütmek istemem. Ekibimizden birinin bu sohbeti devralmasını istedim.',
  },
  ar: {
    asked: 'طلبت من أحد أعضاء فريقنا أن يتولى هذه المحادثة.',
    caseOpened: 'نأسف لذلك. فتحت الحالة {claimId} وأحلتها إلى الفريق المسؤول.',
    caseJoined: 'أضفت هذا إلى حالتك {claimId} المفتوحة بالفعل لهذه المشكلة.',
    unknown: 'لا أعرف الإجابة وأفضل ألا أخمن. طلبت من أحد أعضاء فريقنا أن يتولى هذه المحادثة.',
  },
  zh: {
    asked: '我已请我们团队的工作人员接手这段对话。',
    caseOpened: '非常抱歉。我已创建工单 {claimId} 并转交给负责的团队。',
    caseJoined: '我已将此补充到您针对该问题已开启的工单 {claimId} 中。',
    unknown: '这个问题我不知道答案，也不想乱猜。我已请我们团队的工作人员接手这段对话。',
  },
  ja: {
    asked: 'スタッフにこのチャットの対応を依頼しました。',
    caseOpened: 'ご迷惑をおかけして申し訳ありません。ケース {claimId} を作成し、担当チームに引き継ぎました。',
    caseJoined: 'この問題で既に開いているケース {claimId} に追加しました。',
    unknown: '申し訳ありませんが、その答えはわかりません。スタッフにこのチャットの対応を依頼しました。',
  },
  ko: {
    asked: '저희 팀 직원에게 이 채팅을 맡아 달라고 요청했어요.',
    caseOpened: '불편을 드려 죄송합니다. 케이스 {claimId}를 열고 담당 팀에 전달했어요.',
    caseJoined: '이 문제로 이미 열려 있는 케이스 {claimId}에 추가했어요.',
    unknown:
      '그 질문의 답은 모르겠고, 추측하고 싶지 않습니다. 저희 팀 직원에게 이 채팅을 맡아 달라고 요청했어요.',
  },
  id: {
    asked: 'Saya sudah meminta anggota tim kami untuk mengambil alih chat ini.',
    caseOpened:
      'Mohon maaf atas hal ini. Saya sudah membuka kasus {claimId} dan meneruskannya ke tim yang bertanggung jawab.',
    caseJoined: 'Saya sudah menambahkan ini ke kasus {claimId} Anda yang sudah terbuka untuk masalah ini.',
    unknown:
      'Saya tidak tahu jawabannya dan tidak mau menebak. Saya sudah meminta anggota tim kami untuk mengambil alih chat ini.',
  },
  vi: {
    asked: 'Tôi đã nhờ một nhân viên của chúng tôi tiếp nhận cuộc trò chuyện này.',
    caseOpened: 'Rất xin lỗi về điều này. Tôi đã mở hồ sơ {claimId} và chuyển cho bộ phận phụ trách.',
    caseJoined: 'Tôi đã thêm nội dung này vào hồ sơ {claimId} đang mở cho vấn đề này.',
    unknown:
      'Tôi không biết câu trả lời và không muốn đoán. Tôi đã nhờ một nhân viên của chúng tôi tiếp nhận cuộc trò chuyện này.',
  },
  th: {
    asked: 'ได้ขอให้เจ้าหน้าที่ของเรามาดูแลแชทนี้แล้วค่ะ',
    caseOpened: 'ขออภัยด้วยค่ะ ได้เปิดเคส {claimId} และส่งต่อให้ทีมที่รับผิดชอบแล้ว',
    caseJoined: 'ได้เพิ่มเรื่องนี้ในเคส {claimId} ที่เปิดไว้แล้วสำหรับปัญหานี้ค่ะ',
    unknown: 'ไม่ทราบคำตอบเรื่องนี้และไม่อยากเดา ได้ขอให้เจ้าหน้าที่ของเรามาดูแลแชทนี้แล้วค่ะ',
  },
};
