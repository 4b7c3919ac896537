import type { ReplyTexts } from './types';

export const JA: ReplyTexts = {
  orderStatus: {
    pending: '受付済み・確認待ち',
    paid: 'お支払い済み・準備待ち',
    processing: '準備中',
    shipped: '発送済み',
    delivered: 'お届け済み',
    cancelled: 'キャンセル済み',
    returned: '返品済み',
  },
  shipmentStatus: {
    label_created: '梱包済み・配送業者の集荷待ち',
    in_transit: '輸送中',
    out_for_delivery: '配達中',
    delivered: 'お届け済み',
    exception: '配送トラブルにより遅延中',
    customs_hold: '税関で保留中',
    returned: '当店へ返送中',
  },
  orderSummary: 'ご注文 {orderId}（{items}）の状況：{status}。',
  notShippedYet: 'まだ発送されていません。',
  carrier: '配送業者：{carrier}、追跡番号 {trackingNumber}。',
  lastEvent: '最新の更新（{date}、{location}）：{description}。',
  lastEventNoLocation: '最新の更新（{date}）：{description}。',
  estimatedDelivery: 'お届け予定日：{date}。',
  chooseOrder: 'お客様のアカウントに最近のご注文が {count} 件あります。どちらのご注文でしょうか？',
  orderLine: '• {orderId}（{date}）：{items}',
  noOrders:
    'お客様のアカウントにご注文が見つかりませんでした。別のメールアドレスでご注文の場合は、スタッフがお調べします。',
  orderNotFound:
    'お客様のアカウントでそのご注文が見つかりませんでした。注文番号をご確認いただくか、スタッフにおつなぎします。',
  askOrderNumber: '注文番号を教えていただけますか？ご注文確認メールに記載されています。',
  greeting:
    'こんにちは！ショップのアシスタントです。ご注文の配送状況をお調べしたり、スタッフにおつなぎしたりできます。ご用件をどうぞ。',
  thanks: 'どういたしまして！ほかにお手伝いできることはありますか？',
  outOfScope:
    'こちらではご注文に関するご案内ができます：配送、返品、交換、サイズ、商品について。何をお手伝いしましょうか？',
  handoff: 'かしこまりました。スタッフにこのチャットへの参加を依頼しました。まもなくこちらでお返事します。',
  videoCall: 'かしこまりました。スタッフに参加を依頼しました。このチャットから直接ビデオ通話を始められます。',
  teamWillHelp:
    'ありがとうございます。内容を記録しました。まもなくスタッフがこちらでご対応します。その間、ご注文の配送状況をお調べできます。',
  unsure:
    '正しく理解できたか自信がありません。スタッフに対応を依頼しましたので、まもなくこちらでお返事します。',
  itemSize: 'サイズ {size}',
  listSeparator: '、',
  afterSales: {
    returnOpened:
      'ご注文 {orderId} の {item} について返品 {rmaId} を受け付けました。{lastDay} までにご返送ください。返送ラベルはメールでお送りします。到着後に {amount} を返金いたします。',
    exchangeOpened:
      'ご注文 {orderId} の {item} について交換 {rmaId} を受け付けました。{lastDay} までにご返送ください。ラベルはメールでお送りし、到着次第交換品を発送いたします。',
    returnNeedsPerson:
      '{item} について返品 {rmaId} を受け付けました。{amount} の返金には担当者の承認が必要です。まもなくこちらでご連絡いたします。',
    returnAlreadyOpen: '{item} にはすでに返品があります：{rmaId}、{state}。',
    returnRefused: '申し訳ありません。ご注文 {orderId} の {item} は返品できません：{why}',
    returnWhy: {
      not_delivered_yet: 'まだお届けしていません。届きましたらご連絡ください。返品を手配いたします。',
      final_sale: '返品不可の商品です。不良品の場合はお知らせください。担当者が対応いたします。',
      outside_window: '返品期限は {lastDay} に終了しました。不良品の場合は担当者が確認いたします。',
      already_returned: 'すでに返品済みです。',
      other: '返品ポリシーの対象外です。担当者が一緒に確認いたします。',
    },
    askWhichItem: 'どの商品についてですか？{items}',
    returnStatus: '返品 {rmaId}（{item}）：{state}。',
    returnState: {
      awaiting_approval: '承認待ちです。決まり次第お知らせします',
      approved: '承認済み、商品のご返送をお待ちしています',
      in_transit: '当店へ輸送中',
      received: '受領済み、確認中',
      refunded: '返金済み',
      exchanged: '交換済み、交換品を発送しました',
      rejected: 'お受けできませんでした。担当者が理由をご説明します',
    },
    noReturns: 'ご注文 {orderId} の返品は見つかりませんでした。返品を始めますか？',
    cancelled: 'ご注文 {orderId} をキャンセルしました。{amount} を元のお支払い方法に返金いたします。',
    cancelNeedsPerson:
      'ご注文 {orderId} はまだ発送されていません。金額（{amount}）のため、担当者がまもなくこちらでキャンセルを確認いたします。',
    cancelShipped:
      'ご注文 {orderId} はすでに発送済みのため、キャンセルできません。届いた後に返品できますので、お知らせください。',
    cancelNotPossible: 'ご注文 {orderId} はこちらではキャンセルできません。担当者がお手伝いいたします。',
    changeRequested:
      'ご注文 {orderId} はまだ発送前のため、変更できます。ご依頼を担当チームに伝えました（チケット {ticketId}）。発送前にこちらで確認のご連絡をいたします。',
    changeAskValue: '代わりにどのサイズ・色をご希望ですか？',
    changeShipped: 'ご注文 {orderId} はすでに発送済みのため、変更できません。届いた後に交換を手配できます。',
    changeNotPossible: 'ご注文 {orderId} は私では変更できません。担当者がお手伝いいたします。',
    sizeAdvice: '{product} は {size} サイズをおすすめします。',
    sizeReturnsNote:
      'サイズ表とは1サイズ違います。返品されたお客様から、サイズ感が異なるとのお声がありました。',
    sizeReasonChart: 'お客様のサイズ（{measured}）はサイズ表の {size} の範囲に入ります。',
    sizeReasonBetween:
      'お客様のサイズ（{measured}）はサイズ表の {lower} と {upper} の間なので、{size} を選びました。',
    sizeAskBody: '{product} のサイズをご提案するため、身長と体重を教えてください（例：170 cm、65 kg）。',
    sizeAskFoot:
      '{product} のサイズをご提案するため、かかとから一番長い指先までの足の長さを教えてください（例：26.5 cm）。',
    sizeAskProduct: 'どの商品のサイズについてご相談ですか？例：{products}。',
    sizeCannot:
      'このサイズ情報では {product} のサイズを推測したくありません。ご確認いただくか、担当者にお繋ぎします。',
    knowledgeSource: '出典：{source}',
    offerFollowUp:
      '「{request}」についてもご質問いただきました。続けてお手伝いしましょうか？「はい」とお返事ください。',
    knowledgeOtherLanguage: 'この回答はストアの言語（{language}）でのみご用意しています。',
    noAnswer:
      '申し訳ありませんが、その答えはわかりません。推測はせず、担当者にお繋ぎします。まもなくこちらで返信いたします。',
    claimOpened:
      'ご迷惑をおかけして申し訳ありません。ケース {claimId} を作成し、担当チームに引き継ぎました。まもなくこちらで返信いたします。',
    askPhoto: '可能でしたら、カメラボタンから商品とラベルの写真をお送りください。より早く解決できます。',
    paymentNote: 'カード番号はチャットに送信しないでください。',
  },
};
