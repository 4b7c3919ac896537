import type { SupportedLanguage } from '../nlu/languages';

/** Told when nobody can take a call: when someone will, and that photos work meanwhile. */
export const NO_AGENT_TEXT: Readonly<Record<SupportedLanguage, (when: string | undefined) => string>> = {
  en: (w) =>
    `No one from the team is online for a video call right now${w ? `; the next person is expected at ${w}` : ''}. You can send photos instead.`,
  es: (w) =>
    `Ahora no hay nadie del equipo disponible para una videollamada${w ? `; la próxima persona estará a las ${w}` : ''}. Puede enviar fotos en su lugar.`,
  fr: (w) =>
    `Personne de l'équipe n'est disponible pour un appel vidéo pour le moment${w ? ` ; quelqu'un sera là à ${w}` : ''}. Vous pouvez envoyer des photos à la place.`,
  de: (w) =>
    `Gerade ist niemand aus dem Team für einen Videoanruf online${w ? `; die nächste Person ist ab ${w} da` : ''}. Sie können stattdessen Fotos senden.`,
  it: (w) =>
    `Al momento nessuno del team è disponibile per una videochiamata${w ? `; la prossima persona sarà disponibile alle ${w}` : ''}. Può inviare delle foto.`,
  pt: (w) =>
    `De momento ninguém da equipa está disponível para uma videochamada${w ? `; a próxima pessoa estará às ${w}` : ''}. Pode enviar fotografias.`,
  nl: (w) =>
    `Er is nu niemand van het team online voor een videogesprek${w ? `; de volgende persoon is er om ${w}` : ''}. U kunt in plaats daarvan foto's sturen.`,
  pl: (w) =>
    `Nikt z zespołu nie jest teraz dostępny do rozmowy wideo${w ? `; kolejna osoba będzie o ${w}` : ''}. Zamiast tego można wysłać zdjęcia.`,
  ru: (w) =>
    `Сейчас никто из команды не может принять видеозвонок${w ? `; следующий сотрудник будет в ${w}` : ''}. Вы можете отправить фото.`,
  tr: (w) =>
    `Şu anda ekipten görüntülü görüşme için çevrimiçi kimse yok${w ? `; bir sonraki kişi ${w} saatinde olacak` : ''}. Bunun yerine fotoğraf gönderebilirsiniz.`,
  ar: (w) =>
    `لا يوجد أحد من الفريق متاح لمكالمة فيديو الآن${w ? `؛ سيتوفر أحدهم في ${w}` : ''}. يمكنك إرسال صور بدلًا من ذلك.`,
  zh: (w) => `目前没有工作人员可以进行视频通话${w ? `，预计 ${w} 有人在线` : ''}。您可以先发送照片。`,
  ja: (w) =>
    `現在ビデオ通話に対応できる担当者がいません${w ? `（次の担当者は ${w} から対応します）` : ''}。代わりに写真をお送りください。`,
  ko: (w) =>
    `지금은 영상 통화가 가능한 담당자가 없습니다${w ? `. 다음 담당자는 ${w}에 연결됩니다` : ''}. 대신 사진을 보내 주세요.`,
  id: (w) =>
    `Saat ini tidak ada tim yang tersedia untuk panggilan video${w ? `; petugas berikutnya tersedia pukul ${w}` : ''}. Anda bisa mengirim foto sebagai gantinya.`,
  vi: (w) =>
    `Hiện không có nhân viên nào trực tuyến để gọi video${w ? `; người tiếp theo sẽ có mặt lúc ${w}` : ''}. Bạn có thể gửi ảnh thay thế.`,
  th: (w) =>
    `ขณะนี้ไม่มีเจ้าหน้าที่ออนไลน์สำหรับวิดีโอคอล${w ? ` เจ้าหน้าที่คนถัดไปจะพร้อมเวลา ${w}` : ''} คุณสามารถส่งรูปภาพแทนได้`,
};
