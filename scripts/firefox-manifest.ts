import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** The add-on's id on addons.mozilla.org: fixed for good once the first version is published. */
export const GECKO_ID = 'webhook-doctor@webhookdoctor.dev';

// Firefox has no background service worker: crxjs's Firefox target needs background.scripts,
// and addons-linter wants a gecko id and the data-collection declaration.
export function firefoxManifest(chromeManifest: ManifestV3Export): ManifestV3Export {
  const { background, ...rest } = chromeManifest as { background?: { service_worker?: string } };
  const firefox = {
    ...rest,
    background: { scripts: [background?.service_worker ?? 'src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
  return firefox as unknown as ManifestV3Export;
}
