import type { ReplyTexts } from './types';

export const KO: ReplyTexts = {
  orderStatus: {
    pending: '접수되어 확인을 기다리는 중',
    paid: '결제 완료, 상품 준비 대기 중',
    processing: '상품 준비 중',
    shipped: '발송 완료',
    delivered: '배송 완료',
    cancelled: '취소됨',
    returned: '반품됨',
  },
  shipmentStatus: {
    label_created: '포장 완료, 택배사 집하 대기 중',
    in_transit: '배송 중',
    out_for_delivery: '배송 출발',
    delivered: '배송 완료',
    exception: '배송 문제로 지연 중',
    customs_hold: '통관 보류 중',
    returned: '저희에게 반송 중',
  },
  orderSummary: '주문 {orderId}({items}) 상태: {status}.',
  notShippedYet: '아직 발송되지 않았습니다.',
  carrier: '택배사: {carrier}, 운송장 번호 {trackingNumber}.',
  lastEvent: '최근 업데이트, {date} {location}: {description}.',
  lastEventNoLocation: '최근 업데이트, {date}: {description}.',
  estimatedDelivery: '도착 예정일: {date}.',
  chooseOrder: '고객님 계정에서 최근 주문 {count}건을 찾았습니다. 어느 주문을 말씀하시는 건가요?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    '고객님 계정에서 주문을 찾지 못했습니다. 다른 이메일 주소로 주문하셨다면 저희 팀 직원이 찾아 드릴 수 있습니다.',
  orderNotFound:
    '고객님 계정에서 해당 주문을 찾지 못했습니다. 주문번호를 확인해 주시거나, 원하시면 저희 팀 직원에게 도움을 요청해 드릴게요.',
  askOrderNumber: '주문번호를 알려 주시겠어요? 주문 확인 이메일에서 찾으실 수 있습니다.',
  greeting:
    '안녕하세요! 쇼핑몰 도우미입니다. 주문 배송 상황을 알려 드리거나 저희 팀 직원을 연결해 드릴 수 있어요. 무엇을 도와드릴까요?',
  thanks: '천만에요! 더 도와드릴 일이 있을까요?',
  outOfScope: '여기서는 주문 관련 문의를 도와드려요: 배송, 반품, 교환, 사이즈, 상품. 무엇을 도와드릴까요?',
  handoff: '물론입니다. 저희 팀 직원에게 이 채팅에 참여해 달라고 요청했어요. 곧 여기서 답변드릴 거예요.',
  videoCall: '네. 저희 팀 직원에게 참여를 요청했어요. 이 채팅에서 바로 영상 통화를 시작할 수 있어요.',
  teamWillHelp:
    '감사합니다, 내용을 기록했어요. 저희 팀 직원이 곧 여기서 도와드릴 거예요. 그동안 주문 배송 상황을 알려 드릴 수 있어요.',
  unsure:
    '제가 제대로 이해했는지 잘 모르겠어요. 저희 팀 직원에게 도움을 요청했으니 곧 여기서 답변드릴 거예요.',
  itemSize: '사이즈 {size}',
  listSeparator: ', ',
  afterSales: {
    returnOpened:
      '주문 {orderId}의 {item}에 대해 반품 {rmaId}을(를) 접수했습니다. {lastDay}까지 보내 주세요. 반품 라벨은 이메일로 보내 드립니다. 상품이 도착하면 {amount}을(를) 환불해 드립니다.',
    exchangeOpened:
      '주문 {orderId}의 {item}에 대해 교환 {rmaId}을(를) 접수했습니다. {lastDay}까지 보내 주세요. 라벨은 이메일로 보내 드리며, 도착하는 대로 교환 상품을 발송합니다.',
    returnNeedsPerson:
      '{item}에 대해 반품 {rmaId}을(를) 접수했습니다. {amount} 환불은 저희 팀 담당자의 승인이 필요하며, 곧 여기에서 확인해 드립니다.',
    returnAlreadyOpen: '{item}에 대한 반품이 이미 있습니다: {rmaId}, {state}.',
    returnRefused: '죄송합니다. 주문 {orderId}의 {item}은(는) 반품할 수 없습니다: {why}',
    returnWhy: {
      not_delivered_yet: '아직 배송되지 않았습니다. 도착하면 말씀해 주세요. 반품을 진행해 드리겠습니다.',
      final_sale: '최종 할인 상품입니다. 불량이라면 알려 주세요. 저희 팀 담당자가 도와드립니다.',
      outside_window:
        '반품 기간이 {lastDay}에 끝났습니다. 불량이라면 저희 팀 담당자가 확인해 드릴 수 있습니다.',
      already_returned: '이미 반품되었습니다.',
      other: '반품 정책상 허용되지 않습니다. 저희 팀 담당자가 함께 확인해 드릴 수 있습니다.',
    },
    askWhichItem: '어떤 상품에 관한 것인가요? {items}',
    returnStatus: '반품 {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: '승인 대기 중입니다. 결정되는 대로 알려 드리겠습니다',
      approved: '승인됨, 상품을 보내 주시기를 기다리고 있습니다',
      in_transit: '저희에게 오는 중',
      received: '도착, 검수 중',
      refunded: '환불 완료',
      exchanged: '교환 완료, 교환 상품이 배송 중입니다',
      rejected: '승인되지 않음, 저희 팀 담당자가 이유를 설명해 드립니다',
    },
    noReturns: '주문 {orderId}에 대한 반품을 찾을 수 없습니다. 반품을 시작할까요?',
    cancelled: '주문 {orderId}이(가) 취소되었습니다. {amount}은(는) 원래 결제 수단으로 환불됩니다.',
    cancelNeedsPerson:
      '주문 {orderId}은(는) 아직 발송되지 않았습니다. 금액({amount}) 때문에 저희 팀 담당자가 곧 여기에서 취소를 확인해 드립니다.',
    cancelShipped:
      '주문 {orderId}은(는) 이미 발송되어 취소할 수 없습니다. 도착 후 반품하실 수 있으니 말씀해 주세요.',
    cancelNotPossible:
      '주문 {orderId}은(는) 여기에서 취소할 수 없습니다. 저희 팀 담당자가 도와드릴 수 있습니다.',
    changeRequested:
      '주문 {orderId}은(는) 아직 발송 전이라 변경할 수 있습니다. 요청을 저희 팀에 전달했습니다(티켓 {ticketId}). 발송 전에 여기에서 확인해 드립니다.',
    changeAskValue: '대신 어떤 사이즈나 색상을 원하시나요?',
    changeShipped:
      '주문 {orderId}은(는) 이미 발송되어 변경할 수 없습니다. 도착 후 교환을 진행해 드릴 수 있습니다.',
    changeNotPossible:
      '주문 {orderId}은(는) 제가 직접 변경할 수 없습니다. 저희 팀 담당자가 도와드릴 수 있습니다.',
    sizeAdvice: '{product}은(는) {size} 사이즈를 추천합니다.',
    sizeReturnsNote: '사이즈표와 한 사이즈 다릅니다. 반품한 고객들이 핏이 다르다고 했습니다.',
    sizeReasonChart: '고객님의 치수({measured})는 사이즈표의 {size} 범위에 해당합니다.',
    sizeReasonBetween:
      '고객님의 치수({measured})는 사이즈표에서 {lower}~{upper} 사이라서 {size} 사이즈를 골랐습니다.',
    sizeAskBody: '{product} 사이즈를 추천해 드리려면 키와 몸무게를 알려 주세요(예: 170 cm, 65 kg).',
    sizeAskFoot:
      '{product} 사이즈를 추천해 드리려면 뒤꿈치부터 가장 긴 발가락까지 발 길이를 알려 주세요(예: 26.5 cm).',
    sizeAskProduct: '어떤 상품의 사이즈 추천이 필요하신가요? 예: {products}.',
    sizeCannot:
      '이 치수로는 {product} 사이즈를 추측하고 싶지 않습니다. 다시 확인해 주시거나, 저희 팀 담당자를 불러 드릴게요.',
    knowledgeSource: '출처: {source}',
    offerFollowUp: '"{request}"에 대해서도 물어보셨어요. 이어서 도와드릴까요? "네"라고만 답해 주세요.',
    knowledgeOtherLanguage: '이 답변은 상점 언어({language})로만 제공됩니다.',
    noAnswer:
      '그 질문의 답은 모르겠고, 추측하고 싶지 않습니다. 저희 팀 담당자에게 요청했으며 곧 여기에서 답변드립니다.',
    claimOpened:
      '불편을 드려 죄송합니다. 케이스 {claimId}을(를) 열어 담당 팀에 전달했습니다. 곧 여기에서 답변드립니다.',
    askPhoto: '가능하시면 카메라 버튼으로 상품과 라벨 사진을 보내 주세요. 더 빨리 해결하는 데 도움이 됩니다.',
    paymentNote: '채팅으로 카드 번호를 절대 보내지 마세요.',
  },
};
