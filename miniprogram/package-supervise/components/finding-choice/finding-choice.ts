import { KIND_OPTIONS, SEVERITY_OPTIONS } from '../../utils/supervision-labels';

// What kind of dishonesty and how grave: two rows of choices; emits `change` with {kind} or {severity}.
Component({
  properties: {
    kind: { type: String, value: '' },
    severity: { type: String, value: '' },
    kindError: { type: String, value: '' },
    severityError: { type: String, value: '' },
  },
  data: { kinds: KIND_OPTIONS, severities: SEVERITY_OPTIONS },
  methods: {
    onKind(e: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('change', { kind: e.currentTarget.dataset.value });
    },
    onSeverity(e: WechatMiniprogram.TouchEvent) {
      this.triggerEvent('change', { severity: e.currentTarget.dataset.value });
    },
  },
});
