import { signTencentMeetingRequest } from '../../../cloudfunctions/src/adapters/tencent-meeting/tencent-meeting-rest';

// The official document (https://cloud.tencent.com/document/product/1095/42413) gives the string to sign but no
// worked example with a result, so these expected values were computed independently, outside our code:
//   printf 'POST\nX-TC-Key=%s&X-TC-Nonce=%s&X-TC-Timestamp=%s\n%s\n%s' "$ID" 1234567 1572168600 /v1/meetings "$BODY" \
//     | openssl dgst -sha256 -hmac "$KEY"                       # → hex
//   printf '%s' "$HEX" | base64 -w0                             # → signature
// and cross-checked with Python's hmac/base64 over the same bytes (249 bytes of UTF-8 for the POST).
const secretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const secretKey = 'Y2zSecretKeyEXAMPLEonlyForTests';

describe('signTencentMeetingRequest', () => {
  it('signs a create with a Chinese subject over the UTF-8 bytes of the exact body sent', () => {
    const body =
      '{"userid":"inspector01","instanceid":1,"subject":"远程踏勘 DL-20260612-0007","type":0,"start_time":"1781227800","end_time":"1781231400"}';
    expect(
      signTencentMeetingRequest({
        method: 'POST',
        uri: '/v1/meetings',
        body,
        secretId,
        secretKey,
        nonce: '1234567',
        timestamp: '1572168600',
      }),
    ).toBe('NDA3NDUzZGE4NGM2YzA1ZDcyNDJlMDhkNmM1ZTE0OWRlODU3ZTAzNDljNGFiZDQ3M2MyMGEwNzJiYzdiMzgyZg==');
  });

  it('signs a GET with its query and an empty body (the string to sign then ends with a line break)', () => {
    expect(
      signTencentMeetingRequest({
        method: 'GET',
        uri: '/v1/meetings?meeting_code=123456789&userid=inspector01&instanceid=1',
        body: '',
        secretId,
        secretKey,
        nonce: '98765',
        timestamp: '1572168600',
      }),
    ).toBe('ZWU2OWM0YTUzNjNlZTlhMDM0MDA0MjI0NTg3YTNjNjdmYTZjYzcwZDhhYWNlNzM3Y2NjZTQ3ZWQxOTMxMDJjMA==');
  });

  it('is the base64 of the lowercase hex digest, not of the raw digest', () => {
    const signature = signTencentMeetingRequest({
      method: 'POST',
      uri: '/v1/meetings',
      body: '{}',
      secretId,
      secretKey,
      nonce: '1',
      timestamp: '1',
    });
    expect(Buffer.from(signature, 'base64').toString('utf8')).toMatch(/^[0-9a-f]{64}$/);
  });
});
