import { describe, expect, it } from 'vitest';
import { RecordError } from '../shared/index.js';
import { graphEventFromJson, graphRecordFromJson } from './index.js';

describe('graphRecordFromJson', () => {
  it('maps an exchangeMessageTrace item', () => {
    expect(
      graphRecordFromJson({
        id: 'id-1',
        messageId: ' <m@contoso.com> ',
        senderAddress: 'A@Contoso.com',
        recipientAddress: 'B@Contoso.com',
        receivedDateTime: '2026-03-04T09:12:33Z',
        subject: null,
        size: 10,
        fromIP: '203.0.113.1',
        toIP: '',
        status: 'filteredAsSpam',
      }),
    ).toEqual({
      Received: Date.UTC(2026, 2, 4, 9, 12, 33),
      SenderAddress: 'a@contoso.com',
      RecipientAddress: 'b@contoso.com',
      Subject: '',
      Status: 'FilteredAsSpam',
      FromIP: '203.0.113.1',
      ToIP: '',
      Size: 10,
      MessageId: '<m@contoso.com>',
      MessageTraceId: 'id-1',
      Organization: '',
      Source: 'graph',
    });
  });

  it('throws a RecordError with the reason', () => {
    expect(() =>
      graphRecordFromJson({ id: 'x', recipientAddress: 'b@contoso.com', receivedDateTime: 'soon', status: 'delivered' }),
    ).toThrow(
      expect.objectContaining({
        name: 'RecordError',
        message: 'bad receivedDateTime "soon"',
        reason: expect.objectContaining({ code: 'bad-value' }),
      }),
    );
  });
});

describe('graphEventFromJson', () => {
  it('maps a getDetailsByRecipient item', () => {
    const item = {
      id: 'd1',
      messageId: '<m@contoso.com>',
      dateTime: '2026-03-04T09:12:34.5Z',
      event: 'Receive',
      action: null,
      description: 'Message received by: TYZPR01MB5555.jpnprd01.prod.outlook.com',
      data: '<root><MEP Name="ConnectorId" String="JPNPR01CA0001"/><MEP Name="ClientIP" String="203.0.113.10"/><MEP Name="ServerHostname" String="TYZPR01MB5555.jpnprd01.prod.outlook.com"/></root>',
    };
    expect(graphEventFromJson(item, 'id-1', 'B@Contoso.com', 'A@contoso.com')).toEqual({
      Timestamp: Date.UTC(2026, 2, 4, 9, 12, 34, 500),
      MessageTraceId: 'id-1',
      MessageId: '<m@contoso.com>',
      SenderAddress: 'a@contoso.com',
      RecipientAddress: 'b@contoso.com',
      Event: 'RECEIVE',
      Source: 'graph',
      Detail: 'Message received by: TYZPR01MB5555.jpnprd01.prod.outlook.com',
      ClientIP: '203.0.113.10',
      ServerHostname: 'TYZPR01MB5555.jpnprd01.prod.outlook.com',
    });
  });

  it('throws on a bad time', () => {
    expect(() => graphEventFromJson({ dateTime: null, event: 'Deliver' }, 'id', 'b@contoso.com')).toThrow(RecordError);
  });
});
