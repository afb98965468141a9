import type { TencentMeetingConfig } from './tencent-meeting-rest';

const DEFAULT_BASE_URL = 'https://api.meeting.qq.com';
const CREATE_PATH = '/v1/meetings';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where meetings are created, once the configuration is checked. Kept apart from the REST adapter (and its zod)
 * so that a function can refuse a misconfigured office when it is composed without loading the adapter.
 */
export function meetingsCreateUrl(config: TencentMeetingConfig): URL {
  for (const key of ['secretId', 'secretKey', 'appId', 'userId'] as const) {
    if (!config[key]) throw new Error(`Tencent Meeting config is missing ${key}`);
  }
  const url = new URL(CREATE_PATH, config.baseUrl ?? DEFAULT_BASE_URL);
  if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`Tencent Meeting baseUrl must be https: ${config.baseUrl}`);
  }
  return url;
}
