import type { ReplyTexts } from './types';

export const PT: ReplyTexts = {
  orderStatus: {
    pending: 'recebido e aguardando confirmação',
    paid: 'pago e aguardando separação',
    processing: 'em separação',
    shipped: 'enviado',
    delivered: 'entregue',
    cancelled: 'cancelado',
    returned: 'devolvido',
  },
  shipmentStatus: {
    label_created: 'embalado e aguardando a coleta da transportadora',
    in_transit: 'a caminho',
    out_for_delivery: 'saiu para entrega',
    delivered: 'entregue',
    exception: 'atrasado por um problema na entrega',
    customs_hold: 'retido na alfândega',
    returned: 'voltando para nós',
  },
  orderSummary: 'Seu pedido {orderId} ({items}): {status}.',
  notShippedYet: 'Ele ainda não foi enviado.',
  carrier: 'Transportadora: {carrier}, código de rastreio {trackingNumber}.',
  lastEvent: 'Última atualização, {date} em {location}: {description}.',
  lastEventNoLocation: 'Última atualização, {date}: {description}.',
  estimatedDelivery: 'Previsão de entrega: {date}.',
  chooseOrder: 'Encontrei {count} pedidos recentes na sua conta. Qual deles você quer dizer?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Não encontrei pedidos na sua conta. Se você comprou com outro e-mail, uma pessoa da nossa equipe pode procurar para você.',
  orderNotFound:
    'Não encontrei esse pedido na sua conta. Confira o número do pedido, ou posso pedir ajuda a uma pessoa da nossa equipe.',
  askOrderNumber: 'Pode me enviar o número do pedido? Ele está no e-mail de confirmação do pedido.',
  greeting:
    'Olá! Sou o assistente da loja. Posso dizer onde está seu pedido ou chamar uma pessoa da nossa equipe. Como posso ajudar?',
  thanks: 'De nada! Posso ajudar com mais alguma coisa?',
  outOfScope:
    'Aqui posso ajudar com seus pedidos: entregas, devoluções, trocas, tamanhos e produtos. Em que posso ajudar?',
  handoff:
    'Claro. Estou pedindo para uma pessoa da nossa equipe entrar no chat; ela vai responder aqui em breve.',
  videoCall:
    'Claro. Estou pedindo para uma pessoa da nossa equipe entrar; ela pode iniciar uma chamada de vídeo com você aqui mesmo no chat.',
  teamWillHelp:
    'Obrigado, anotei. Uma pessoa da nossa equipe vai ajudar você aqui em breve. Enquanto isso, posso dizer onde está seu pedido.',
  unsure:
    'Não tenho certeza se entendi. Estou pedindo ajuda a uma pessoa da nossa equipe; ela vai responder aqui em breve.',
  itemSize: 'tamanho {size}',
  listSeparator: ', ',
  afterSales: {
    returnOpened:
      'Abri a devolução {rmaId} para {item} do pedido {orderId}. Envie-o de volta até {lastDay}; a etiqueta de devolução chega por e-mail. Reembolsaremos {amount} assim que o recebermos.',
    exchangeOpened:
      'Abri a troca {rmaId} para {item} do pedido {orderId}. Envie-o de volta até {lastDay}; a etiqueta chega por e-mail e enviaremos a substituição assim que o recebermos.',
    returnNeedsPerson:
      'Abri a devolução {rmaId} para {item}. Um reembolso de {amount} precisa da aprovação de uma pessoa da nossa equipe; ela confirmará aqui em breve.',
    returnAlreadyOpen: 'Já existe uma devolução para {item}: {rmaId}, {state}.',
    returnRefused: 'Desculpe, {item} do pedido {orderId} não pode ser devolvido: {why}',
    returnWhy: {
      not_delivered_yet: 'ainda não foi entregue. Quando chegar, escreva-me e eu inicio a devolução.',
      final_sale:
        'é um artigo de venda final. Se tiver defeito, diga-me e uma pessoa da nossa equipe vai ajudar.',
      outside_window:
        'o prazo de devolução terminou em {lastDay}. Se tiver defeito, uma pessoa da nossa equipe pode analisar.',
      already_returned: 'já foi devolvido.',
      other: 'a nossa política de devolução não o permite. Uma pessoa da nossa equipe pode analisar consigo.',
    },
    askWhichItem: 'De que artigo se trata? {items}',
    returnStatus: 'Devolução {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'a aguardar a nossa aprovação; avisamos assim que for decidida',
      approved: 'aprovada, à espera de que nos envie o artigo',
      in_transit: 'a caminho de nós',
      received: 'recebida, em verificação',
      refunded: 'reembolsada',
      exchanged: 'trocada, a substituição está a caminho',
      rejected: 'não aceite; uma pessoa da nossa equipe vai explicar o motivo',
    },
    noReturns: 'Não encontro nenhuma devolução para o pedido {orderId}. Quer iniciar uma?',
    cancelled:
      'O pedido {orderId} foi cancelado. {amount} será reembolsado no seu meio de pagamento original.',
    cancelNeedsPerson:
      'O pedido {orderId} ainda não foi enviado. Devido ao valor ({amount}), uma pessoa da nossa equipe confirmará o cancelamento aqui em breve.',
    cancelShipped:
      'O pedido {orderId} já foi enviado, por isso já não pode ser cancelado. Quando chegar, pode devolvê-lo: é só dizer-me.',
    cancelNotPossible:
      'O pedido {orderId} não pode ser cancelado aqui. Uma pessoa da nossa equipe pode ajudar.',
    changeRequested:
      'O pedido {orderId} ainda não foi enviado, por isso ainda pode ser alterado. Passei a sua solicitação à nossa equipe (ticket {ticketId}); ela confirmará aqui antes do envio.',
    changeAskValue: 'Que tamanho ou cor prefere?',
    changeShipped:
      'O pedido {orderId} já foi enviado, por isso já não pode ser alterado. Quando chegar, posso organizar uma troca.',
    changeNotPossible:
      'Não consigo alterar o pedido {orderId} sozinho. Uma pessoa da nossa equipe pode ajudar.',
    sizeAdvice: 'Para {product}, recomendo o tamanho {size}.',
    sizeReturnsNote: 'É um tamanho diferente da tabela: quem o devolveu achou que veste de outra forma.',
    sizeReasonChart: 'As suas medidas ({measured}) ficam no tamanho {size} da tabela de medidas.',
    sizeReasonBetween:
      'As suas medidas ({measured}) ficam entre {lower} e {upper} na tabela de medidas, por isso escolhi {size}.',
    sizeAskBody:
      'Para recomendar um tamanho de {product}, diga-me a sua altura e o seu peso (por exemplo 170 cm e 65 kg).',
    sizeAskFoot:
      'Para recomendar um tamanho de {product}, diga-me o comprimento do seu pé, do calcanhar ao dedo mais comprido (por exemplo 26,5 cm).',
    sizeAskProduct: 'Para que produto quer uma recomendação de tamanho? Por exemplo: {products}.',
    sizeCannot:
      'Prefiro não adivinhar um tamanho de {product} com essas medidas. Verifique-as, ou posso chamar uma pessoa da nossa equipe.',
    knowledgeSource: 'Fonte: {source}',
    offerFollowUp: 'Também perguntou: «{request}». Quer que eu ajude com isso a seguir? É só dizer sim.',
    knowledgeOtherLanguage: 'Esta resposta só está disponível no idioma da loja ({language}).',
    noAnswer:
      'Não sei a resposta e prefiro não inventar. Vou chamar uma pessoa da nossa equipe; ela responderá aqui em breve.',
    claimOpened:
      'Lamento muito. Abri o caso {claimId} e passei-o à equipe responsável; uma pessoa responderá aqui em breve.',
    askPhoto:
      'Se puder, envie uma foto do artigo e da etiqueta com o botão da câmara: ajuda-nos a resolver mais depressa.',
    paymentNote: 'Nunca envie números de cartão no chat.',
  },
};
