import type { SupportedLanguage } from '../nlu/languages';

/**
 * What the assistant says about a photo, in the 17 reply languages. What happens next (the exchange, the
 * case) is said by the after-sales replies of the tool that did it; these sentences say what was seen.
 * Placeholders: {read} and {ordered} are sizes or the order's colour, {claimId} a case; all are data.
 */
export interface PhotoTexts {
  labelDifferent: string;
  labelSame: string;
  colourDifferent: string;
  wrongItem: string;
  damage: string;
  faded: string;
  blurry: string;
  dark: string;
  anotherPhoto: string;
  cannotJudge: string;
  addedToCase: string;
}

export type PhotoText = keyof PhotoTexts;

const TEXTS: Record<SupportedLanguage, PhotoTexts> = {
  en: {
    labelDifferent: 'The label shows {read}; you ordered {ordered}.',
    labelSame:
      'The label shows {read}, the size you ordered. If it still does not fit, I can help you exchange it.',
    colourDifferent: 'The item in the photo is not the colour you ordered ({ordered}).',
    wrongItem: 'The photo shows a different item from the one you ordered.',
    damage: 'The photo shows damage to the item.',
    faded: 'The photo shows fading or stains on the item.',
    blurry: 'The photo is too blurry for me to read. Could you send another one, holding the phone steady?',
    dark: 'The photo is too dark for me to read. Could you send another one in better light?',
    anotherPhoto:
      'I cannot see the item clearly in this photo. Could you send a photo of the item itself, or of its size label?',
    cannotJudge: 'I cannot judge damage from a photo myself, so a person from our team will look at it.',
    addedToCase: 'I have added the photo to your case {claimId}; a person will look at it and reply here.',
  },
  es: {
    labelDifferent: 'La etiqueta indica {read}; pediste {ordered}.',
    labelSame:
      'La etiqueta indica {read}, la talla que pediste. Si aun así no te queda bien, puedo ayudarte a cambiarlo.',
    colourDifferent: 'El artículo de la foto no es del color que pediste ({ordered}).',
    wrongItem: 'La foto muestra un artículo distinto del que pediste.',
    damage: 'La foto muestra daños en el artículo.',
    faded: 'La foto muestra decoloración o manchas en el artículo.',
    blurry: 'La foto está demasiado borrosa para leerla. ¿Puedes enviar otra sujetando el móvil con firmeza?',
    dark: 'La foto está demasiado oscura para leerla. ¿Puedes enviar otra con más luz?',
    anotherPhoto:
      'No veo bien el artículo en esta foto. ¿Puedes enviar una foto del artículo o de su etiqueta de talla?',
    cannotJudge:
      'No puedo valorar daños a partir de una foto, así que una persona de nuestro equipo la revisará.',
    addedToCase: 'He añadido la foto a tu caso {claimId}; una persona la revisará y te responderá aquí.',
  },
  fr: {
    labelDifferent: "L'étiquette indique {read} ; vous avez commandé {ordered}.",
    labelSame:
      "L'étiquette indique {read}, la taille commandée. Si l'article ne vous va toujours pas, je peux vous aider à l'échanger.",
    colourDifferent: "L'article sur la photo n'est pas de la couleur commandée ({ordered}).",
    wrongItem: 'La photo montre un autre article que celui que vous avez commandé.',
    damage: "La photo montre que l'article est endommagé.",
    faded: 'La photo montre un article décoloré ou taché.',
    blurry:
      'La photo est trop floue pour être lue. Pouvez-vous en envoyer une autre en tenant le téléphone bien droit ?',
    dark: 'La photo est trop sombre pour être lue. Pouvez-vous en envoyer une autre avec plus de lumière ?',
    anotherPhoto:
      "Je ne vois pas bien l'article sur cette photo. Pouvez-vous envoyer une photo de l'article ou de son étiquette de taille ?",
    cannotJudge:
      "Je ne peux pas juger un dommage sur photo moi-même : une personne de l'équipe va l'examiner.",
    addedToCase:
      "J'ai ajouté la photo à votre dossier {claimId} ; une personne va l'examiner et vous répondre ici.",
  },
  de: {
    labelDifferent: 'Auf dem Etikett steht {read}; bestellt hast du {ordered}.',
    labelSame:
      'Auf dem Etikett steht {read}, die bestellte Größe. Wenn es trotzdem nicht passt, helfe ich dir beim Umtausch.',
    colourDifferent: 'Der Artikel auf dem Foto hat nicht die bestellte Farbe ({ordered}).',
    wrongItem: 'Das Foto zeigt einen anderen Artikel als den bestellten.',
    damage: 'Das Foto zeigt einen Schaden am Artikel.',
    faded: 'Das Foto zeigt ausgeblichene Stellen oder Flecken am Artikel.',
    blurry:
      'Das Foto ist zu unscharf zum Lesen. Kannst du ein neues schicken und das Handy dabei ruhig halten?',
    dark: 'Das Foto ist zu dunkel zum Lesen. Kannst du ein neues bei besserem Licht schicken?',
    anotherPhoto:
      'Auf diesem Foto ist der Artikel nicht gut zu erkennen. Kannst du ein Foto des Artikels oder seines Größenetiketts schicken?',
    cannotJudge:
      'Einen Schaden kann ich auf einem Foto nicht selbst beurteilen, daher sieht es sich eine Person aus unserem Team an.',
    addedToCase:
      'Ich habe das Foto zu deinem Fall {claimId} hinzugefügt; eine Person sieht es sich an und antwortet hier.',
  },
  it: {
    labelDifferent: "L'etichetta indica {read}; hai ordinato {ordered}.",
    labelSame:
      "L'etichetta indica {read}, la taglia che hai ordinato. Se non ti va comunque bene, posso aiutarti a cambiarlo.",
    colourDifferent: "L'articolo nella foto non è del colore che hai ordinato ({ordered}).",
    wrongItem: 'La foto mostra un articolo diverso da quello che hai ordinato.',
    damage: "La foto mostra un danno all'articolo.",
    faded: "La foto mostra scoloriture o macchie sull'articolo.",
    blurry: 'La foto è troppo sfocata per leggerla. Puoi inviarne un’altra tenendo il telefono fermo?',
    dark: 'La foto è troppo scura per leggerla. Puoi inviarne un’altra con più luce?',
    anotherPhoto:
      "Non vedo bene l'articolo in questa foto. Puoi inviare una foto dell'articolo o della sua etichetta con la taglia?",
    cannotJudge:
      'Non posso valutare un danno da una foto da solo, quindi la esaminerà una persona del nostro team.',
    addedToCase:
      'Ho aggiunto la foto alla tua pratica {claimId}; una persona la esaminerà e ti risponderà qui.',
  },
  pt: {
    labelDifferent: 'A etiqueta mostra {read}; você pediu {ordered}.',
    labelSame:
      'A etiqueta mostra {read}, o tamanho que você pediu. Se mesmo assim não servir, posso ajudar na troca.',
    colourDifferent: 'O artigo da foto não é da cor que você pediu ({ordered}).',
    wrongItem: 'A foto mostra um artigo diferente do que você pediu.',
    damage: 'A foto mostra danos no artigo.',
    faded: 'A foto mostra desbotamento ou manchas no artigo.',
    blurry: 'A foto está desfocada demais para eu ler. Pode enviar outra segurando o celular firme?',
    dark: 'A foto está escura demais para eu ler. Pode enviar outra com mais luz?',
    anotherPhoto:
      'Não consigo ver bem o artigo nesta foto. Pode enviar uma foto do artigo ou da etiqueta de tamanho?',
    cannotJudge:
      'Não consigo avaliar danos por uma foto sozinho, então uma pessoa da nossa equipe vai analisá-la.',
    addedToCase: 'Adicionei a foto ao seu caso {claimId}; uma pessoa vai analisá-la e responder aqui.',
  },
  nl: {
    labelDifferent: 'Op het label staat {read}; je hebt {ordered} besteld.',
    labelSame:
      'Op het label staat {read}, de maat die je hebt besteld. Past het toch niet, dan help ik je met ruilen.',
    colourDifferent: 'Het artikel op de foto heeft niet de kleur die je hebt besteld ({ordered}).',
    wrongItem: 'De foto toont een ander artikel dan je hebt besteld.',
    damage: 'De foto toont schade aan het artikel.',
    faded: 'De foto toont verkleuring of vlekken op het artikel.',
    blurry: 'De foto is te wazig om te lezen. Kun je er nog een sturen en je telefoon stil houden?',
    dark: 'De foto is te donker om te lezen. Kun je er nog een sturen met meer licht?',
    anotherPhoto:
      'Ik zie het artikel niet goed op deze foto. Kun je een foto van het artikel of van het maatlabel sturen?',
    cannotJudge: 'Schade kan ik zelf niet op een foto beoordelen, dus iemand van ons team bekijkt hem.',
    addedToCase: 'Ik heb de foto aan je zaak {claimId} toegevoegd; iemand bekijkt hem en antwoordt hier.',
  },
  pl: {
    labelDifferent: 'Na metce jest {read}; zamówiono {ordered}.',
    labelSame: 'Na metce jest {read}, czyli zamówiony rozmiar. Jeśli mimo to nie pasuje, pomogę w wymianie.',
    colourDifferent: 'Produkt na zdjęciu nie ma zamówionego koloru ({ordered}).',
    wrongItem: 'Zdjęcie pokazuje inny produkt niż zamówiony.',
    damage: 'Zdjęcie pokazuje uszkodzenie produktu.',
    faded: 'Zdjęcie pokazuje wyblaknięcia lub plamy na produkcie.',
    blurry:
      'Zdjęcie jest zbyt nieostre, żebym je odczytał. Czy możesz wysłać kolejne, trzymając telefon nieruchomo?',
    dark: 'Zdjęcie jest zbyt ciemne, żebym je odczytał. Czy możesz wysłać kolejne przy lepszym świetle?',
    anotherPhoto:
      'Nie widzę dobrze produktu na tym zdjęciu. Czy możesz wysłać zdjęcie produktu lub metki z rozmiarem?',
    cannotJudge: 'Nie potrafię sam ocenić uszkodzenia ze zdjęcia, więc obejrzy je osoba z naszego zespołu.',
    addedToCase: 'Dodałem zdjęcie do Twojej sprawy {claimId}; ktoś je obejrzy i odpowie tutaj.',
  },
  ru: {
    labelDifferent: 'На ярлыке указан размер {read}; вы заказали {ordered}.',
    labelSame:
      'На ярлыке указан {read} — это заказанный размер. Если всё же не подходит, я помогу с обменом.',
    colourDifferent: 'Товар на фото не того цвета, который вы заказали ({ordered}).',
    wrongItem: 'На фото другой товар, не тот, что вы заказали.',
    damage: 'На фото видно повреждение товара.',
    faded: 'На фото видны выцветание или пятна на товаре.',
    blurry:
      'Фото слишком размыто, я не могу его прочитать. Пришлите, пожалуйста, другое, держа телефон неподвижно.',
    dark: 'Фото слишком тёмное, я не могу его прочитать. Пришлите, пожалуйста, другое при лучшем освещении.',
    anotherPhoto:
      'На этом фото плохо видно товар. Пришлите, пожалуйста, фото самого товара или ярлыка с размером.',
    cannotJudge: 'Я не могу сам оценить повреждение по фото, поэтому его посмотрит сотрудник нашей команды.',
    addedToCase: 'Я добавил фото к вашему обращению {claimId}; сотрудник посмотрит его и ответит здесь.',
  },
  tr: {
    labelDifferent: 'Etikette {read} yazıyor; siz {ordered} sipariş ettiniz.',
    labelSame:
      'Etikette {read} yazıyor, sipariş ettiğiniz beden. Yine de olmazsa değişim için yardımcı olabilirim.',
    colourDifferent: 'Fotoğraftaki ürün sipariş ettiğiniz renkte ({ordered}) değil.',
    wrongItem: 'Fotoğraf, sipariş ettiğinizden farklı bir ürün gösteriyor.',
    damage: 'Fotoğraf üründe hasar olduğunu gösteriyor.',
    faded: 'Fotoğraf üründe solma veya leke olduğunu gösteriyor.',
    blurry: 'Fotoğraf okunamayacak kadar bulanık. Telefonu sabit tutarak bir tane daha gönderebilir misiniz?',
    dark: 'Fotoğraf okunamayacak kadar karanlık. Daha iyi ışıkta bir tane daha gönderebilir misiniz?',
    anotherPhoto:
      'Bu fotoğrafta ürünü net göremiyorum. Ürünün ya da beden etiketinin fotoğrafını gönderebilir misiniz?',
    cannotJudge: 'Hasarı fotoğraftan kendim değerlendiremiyorum; ekibimizden biri inceleyecek.',
    addedToCase:
      'Fotoğrafı {claimId} numaralı talebinize ekledim; ekibimizden biri inceleyip buradan yanıt verecek.',
  },
  ar: {
    labelDifferent: 'يظهر على الملصق المقاس {read}؛ وقد طلبت {ordered}.',
    labelSame:
      'يظهر على الملصق {read}، وهو المقاس الذي طلبته. إذا لم يناسبك مع ذلك، يمكنني مساعدتك في الاستبدال.',
    colourDifferent: 'المنتج في الصورة ليس باللون الذي طلبته ({ordered}).',
    wrongItem: 'تُظهر الصورة منتجًا مختلفًا عن الذي طلبته.',
    damage: 'تُظهر الصورة تلفًا في المنتج.',
    faded: 'تُظهر الصورة بهتانًا أو بقعًا على المنتج.',
    blurry: 'الصورة ضبابية جدًا ولا أستطيع قراءتها. هل يمكنك إرسال صورة أخرى مع تثبيت الهاتف؟',
    dark: 'الصورة مظلمة جدًا ولا أستطيع قراءتها. هل يمكنك إرسال صورة أخرى في إضاءة أفضل؟',
    anotherPhoto: 'لا أرى المنتج بوضوح في هذه الصورة. هل يمكنك إرسال صورة للمنتج نفسه أو لملصق المقاس؟',
    cannotJudge: 'لا أستطيع تقييم التلف من صورة بنفسي، لذلك سيطّلع عليها أحد أفراد فريقنا.',
    addedToCase: 'أضفت الصورة إلى حالتك {claimId}؛ سيطّلع عليها أحد أفراد الفريق ويرد هنا.',
  },
  zh: {
    labelDifferent: '标签显示尺码为 {read}；您订购的是 {ordered}。',
    labelSame: '标签显示 {read}，与您订购的尺码一致。如果仍然不合适，我可以帮您换货。',
    colourDifferent: '照片中的商品不是您订购的颜色（{ordered}）。',
    wrongItem: '照片中的商品与您订购的不同。',
    damage: '照片显示商品有损坏。',
    faded: '照片显示商品有褪色或污渍。',
    blurry: '照片太模糊，我无法识别。能否拿稳手机再拍一张？',
    dark: '照片太暗，我无法识别。能否在光线更好的地方再拍一张？',
    anotherPhoto: '这张照片里看不清商品。能否发一张商品本身或尺码标签的照片？',
    cannotJudge: '我无法仅凭照片判断损坏情况，我们团队的工作人员会查看。',
    addedToCase: '我已将照片添加到您的工单 {claimId}；工作人员会查看并在这里回复您。',
  },
  ja: {
    labelDifferent: 'ラベルには {read} と表示されています。ご注文は {ordered} です。',
    labelSame:
      'ラベルには {read} と表示されており、ご注文のサイズと同じです。それでも合わない場合は交換をお手伝いします。',
    colourDifferent: '写真の商品はご注文の色（{ordered}）ではありません。',
    wrongItem: '写真の商品はご注文の商品と異なります。',
    damage: '写真から商品の破損が確認できます。',
    faded: '写真から商品の色あせやシミが確認できます。',
    blurry: '写真がぼやけていて読み取れません。スマートフォンを固定してもう一度撮っていただけますか？',
    dark: '写真が暗すぎて読み取れません。明るい場所でもう一度撮っていただけますか？',
    anotherPhoto:
      'この写真では商品がよく見えません。商品そのもの、またはサイズラベルの写真を送っていただけますか？',
    cannotJudge: '写真だけでは私には破損を判断できないため、担当者が確認いたします。',
    addedToCase: '写真をお問い合わせ {claimId} に追加しました。担当者が確認し、こちらでご返信します。',
  },
  ko: {
    labelDifferent: '라벨에는 {read}(으)로 표시되어 있고, 주문하신 사이즈는 {ordered}입니다.',
    labelSame:
      '라벨에는 주문하신 사이즈인 {read}(으)로 표시되어 있습니다. 그래도 맞지 않으면 교환을 도와드릴게요.',
    colourDifferent: '사진 속 상품은 주문하신 색상({ordered})이 아닙니다.',
    wrongItem: '사진 속 상품은 주문하신 상품과 다릅니다.',
    damage: '사진에서 상품 손상이 보입니다.',
    faded: '사진에서 상품의 변색이나 얼룩이 보입니다.',
    blurry: '사진이 너무 흐려서 읽을 수 없습니다. 휴대폰을 고정하고 다시 찍어 보내 주시겠어요?',
    dark: '사진이 너무 어두워서 읽을 수 없습니다. 더 밝은 곳에서 다시 찍어 보내 주시겠어요?',
    anotherPhoto: '이 사진에서는 상품이 잘 보이지 않습니다. 상품이나 사이즈 라벨 사진을 보내 주시겠어요?',
    cannotJudge: '사진만으로는 제가 손상을 판단할 수 없어 저희 팀 담당자가 확인할 예정입니다.',
    addedToCase: '사진을 문의 {claimId}에 추가했습니다. 담당자가 확인한 뒤 여기에서 답변드릴게요.',
  },
  id: {
    labelDifferent: 'Label menunjukkan {read}; Anda memesan {ordered}.',
    labelSame:
      'Label menunjukkan {read}, ukuran yang Anda pesan. Jika tetap tidak pas, saya bisa bantu menukarnya.',
    colourDifferent: 'Barang di foto bukan warna yang Anda pesan ({ordered}).',
    wrongItem: 'Foto menunjukkan barang yang berbeda dari yang Anda pesan.',
    damage: 'Foto menunjukkan kerusakan pada barang.',
    faded: 'Foto menunjukkan warna pudar atau noda pada barang.',
    blurry: 'Fotonya terlalu buram untuk dibaca. Bisa kirim foto lain sambil memegang ponsel dengan stabil?',
    dark: 'Fotonya terlalu gelap untuk dibaca. Bisa kirim foto lain dengan cahaya yang lebih terang?',
    anotherPhoto:
      'Saya tidak bisa melihat barangnya dengan jelas di foto ini. Bisa kirim foto barangnya atau label ukurannya?',
    cannotJudge:
      'Saya tidak bisa menilai kerusakan dari foto sendiri, jadi petugas tim kami akan memeriksanya.',
    addedToCase:
      'Saya sudah menambahkan foto ke kasus Anda {claimId}; petugas akan memeriksanya dan membalas di sini.',
  },
  vi: {
    labelDifferent: 'Nhãn ghi {read}; bạn đã đặt {ordered}.',
    labelSame: 'Nhãn ghi {read}, đúng cỡ bạn đã đặt. Nếu vẫn không vừa, tôi có thể giúp bạn đổi hàng.',
    colourDifferent: 'Sản phẩm trong ảnh không đúng màu bạn đã đặt ({ordered}).',
    wrongItem: 'Ảnh cho thấy một sản phẩm khác với sản phẩm bạn đã đặt.',
    damage: 'Ảnh cho thấy sản phẩm bị hư hỏng.',
    faded: 'Ảnh cho thấy sản phẩm bị phai màu hoặc có vết bẩn.',
    blurry: 'Ảnh quá mờ nên tôi không đọc được. Bạn có thể gửi ảnh khác và giữ điện thoại thật chắc không?',
    dark: 'Ảnh quá tối nên tôi không đọc được. Bạn có thể gửi ảnh khác ở nơi sáng hơn không?',
    anotherPhoto:
      'Tôi không nhìn rõ sản phẩm trong ảnh này. Bạn có thể gửi ảnh sản phẩm hoặc nhãn kích cỡ không?',
    cannotJudge: 'Tôi không thể tự đánh giá hư hỏng qua ảnh, nên nhân viên của chúng tôi sẽ xem xét.',
    addedToCase: 'Tôi đã thêm ảnh vào yêu cầu {claimId} của bạn; nhân viên sẽ xem và trả lời tại đây.',
  },
  th: {
    labelDifferent: 'ป้ายระบุไซส์ {read} แต่คุณสั่ง {ordered}',
    labelSame: 'ป้ายระบุ {read} ตรงกับไซส์ที่คุณสั่ง หากยังใส่ไม่พอดี ฉันช่วยเปลี่ยนสินค้าให้ได้',
    colourDifferent: 'สินค้าในรูปไม่ใช่สีที่คุณสั่ง ({ordered})',
    wrongItem: 'รูปแสดงสินค้าที่ต่างจากที่คุณสั่ง',
    damage: 'รูปแสดงว่าสินค้าเสียหาย',
    faded: 'รูปแสดงว่าสินค้าสีซีดหรือมีคราบ',
    blurry: 'รูปเบลอเกินกว่าจะอ่านได้ ช่วยถือโทรศัพท์ให้นิ่งแล้วส่งรูปใหม่ได้ไหม',
    dark: 'รูปมืดเกินกว่าจะอ่านได้ ช่วยถ่ายในที่ที่สว่างกว่านี้แล้วส่งรูปใหม่ได้ไหม',
    anotherPhoto: 'ฉันมองเห็นสินค้าในรูปนี้ไม่ชัด ช่วยส่งรูปสินค้าหรือป้ายไซส์มาได้ไหม',
    cannotJudge: 'ฉันประเมินความเสียหายจากรูปเองไม่ได้ เจ้าหน้าที่ของเราจะตรวจดูให้',
    addedToCase: 'ฉันเพิ่มรูปลงในเคส {claimId} ของคุณแล้ว เจ้าหน้าที่จะตรวจดูและตอบกลับที่นี่',
  },
};

export function photoText(
  lang: SupportedLanguage,
  key: PhotoText,
  values: Record<string, string> = {},
): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
