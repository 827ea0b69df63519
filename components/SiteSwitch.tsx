import { t } from '@/utils/i18n';

export interface SiteSwitchProps {
  site: string;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** The per-site on/off switch: a native checkbox with role="switch", so keyboards and screen readers get it. */
export function SiteSwitch({ site, enabled, onChange }: SiteSwitchProps) {
  return (
    <label class="site-switch">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        data-testid="site-switch"
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{t('siteEnabled', site)}</span>
    </label>
  );
}
