// Batches captured by examples/e2e/ingest.spec.ts from the real runtime in Chromium.
// Compiled by `npm run test:types`: Jitsu publishes its event shape as types only
// (@jitsu/protocols), so the compiler is its validator. Regenerate with
// UPDATE_INGEST_FIXTURE=1 npx playwright test examples/e2e/ingest.spec.ts
import type { AnalyticsClientEvent } from '@jitsu/protocols/analytics'
import type { ISO8601Date } from '@jitsu/protocols/iso8601'

/** Segment's batch envelope around Jitsu's client events (Jitsu ingests Segment's /v1/batch). */
export interface JitsuBatch {
  sentAt: ISO8601Date
  writeKey?: string
  batch: AnalyticsClientEvent[]
}

export const captured: JitsuBatch[] = [
  {
    "sentAt": "2026-11-30T17:03:21.378Z",
    "batch": [
      {
        "type": "track",
        "event": "visit_start",
        "properties": {
          "visit": 1,
          "referrer": ""
        },
        "messageId": "a70c6de0-3a6a-405a-a499-2b0a2c48c935",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": null,
        "timestamp": "2026-11-30T17:03:21.033Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "awareness",
            "visit": 1,
            "segments": []
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "page",
        "name": "Your cart",
        "properties": {
          "url": "http://127.0.0.1:39389/cart/index.html",
          "path": "/cart/index.html",
          "referrer": "",
          "title": "Your cart",
          "search": ""
        },
        "messageId": "22d0a5ae-b639-4f10-b881-8cd33b0c1782",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": null,
        "timestamp": "2026-11-30T17:03:21.033Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "awareness",
            "visit": 1,
            "segments": []
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T17:03:24.377Z",
    "batch": [
      {
        "type": "identify",
        "traits": {
          "email": "ana@shop.example",
          "plan": "pro"
        },
        "messageId": "dac73ce5-7ec4-4525-bf34-8ecb4ad2d5e9",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:21.453Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "awareness",
            "visit": 1,
            "segments": []
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "segment_entered",
        "properties": {
          "segment": "pros"
        },
        "messageId": "335f324f-5b61-43ce-8f7f-63860ca287cb",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:21.453Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "awareness",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "exit_intent",
        "properties": {
          "how": "pointer"
        },
        "messageId": "1f737523-b641-4db6-baed-907753b0e0b6",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.136Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "awareness",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "stage_changed",
        "properties": {
          "from": "awareness",
          "to": "consideration",
          "rule": "exit-on-cart"
        },
        "messageId": "a5b2abe1-834d-43b5-b98a-99afe073ae13",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.136Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_shown",
        "properties": {
          "item": "exit-offer",
          "rule": "exit-on-cart",
          "variant": null
        },
        "messageId": "c7c44be5-0575-4016-bb15-b101537df370",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.166Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_dismissed",
        "properties": {
          "item": "exit-offer",
          "rule": "exit-on-cart",
          "variant": null,
          "how": "close"
        },
        "messageId": "7d6f241b-901f-434d-be08-347d17b83433",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.241Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_shown",
        "properties": {
          "item": "guide",
          "rule": null,
          "variant": null
        },
        "messageId": "791291b5-d641-43fd-8910-d7bc61656c84",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.284Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "lead_captured",
        "properties": {
          "item": "guide",
          "rule": null,
          "variant": null,
          "email": "ana@shop.example"
        },
        "messageId": "c3af9f1b-01bf-4c35-95da-263f30eb032d",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.600Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_converted",
        "properties": {
          "item": "guide",
          "rule": null,
          "variant": null,
          "what": "form"
        },
        "messageId": "0bab9d3f-8ff9-498b-90e8-8a152c06f6a8",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.600Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_converted",
        "properties": {
          "item": "guide",
          "rule": null,
          "variant": null,
          "what": "download",
          "url": "http://127.0.0.1:39389/README.md"
        },
        "messageId": "7f35423f-6358-4e72-b322-89dcbc933a6e",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.658Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "asset_downloaded",
        "properties": {
          "item": "guide",
          "rule": null,
          "variant": null,
          "url": "http://127.0.0.1:39389/README.md"
        },
        "messageId": "88036e28-5ed9-4dc3-9b2b-97d2fce28435",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.659Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "order_completed",
        "properties": {
          "total": 78.5,
          "currency": "EUR"
        },
        "messageId": "3a8ccbfe-3b09-4ef6-90fd-0c1f092342a9",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.691Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "consideration",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "stage_changed",
        "properties": {
          "from": "consideration",
          "to": "purchase",
          "rule": null
        },
        "messageId": "d0846b12-b4f5-4569-a9ba-3a11f7de51aa",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.691Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_shown",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null
        },
        "messageId": "537642f4-b9a8-469e-bd0e-6f2c390d265a",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.711Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "push_denied",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null
        },
        "messageId": "2dbe29e7-7d91-4003-9a67-dff61e83d591",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:23.983Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_dismissed",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null,
          "how": "close"
        },
        "messageId": "6c5f752e-c6ab-425b-a797-78ed671cfe5f",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.070Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_shown",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null
        },
        "messageId": "cf539862-5161-4657-9d28-a602637d5384",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.102Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "item_converted",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null,
          "what": "push"
        },
        "messageId": "0defcd27-e4d6-4e55-8f96-ee7642ae6bc3",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.336Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "push_subscribed",
        "properties": {
          "item": "alerts",
          "rule": null,
          "variant": null,
          "subscription": {
            "endpoint": "https://push.example/sub/1",
            "expirationTime": null,
            "keys": {
              "p256dh": "p",
              "auth": "a"
            }
          }
        },
        "messageId": "e1be7da9-809b-475a-90e8-eb606789cff9",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.339Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T17:03:24.415Z",
    "batch": [
      {
        "type": "track",
        "event": "push_received",
        "messageId": "04cca555-852c-4132-86d9-4cd0669e6419",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.409Z",
        "properties": {
          "title": "Linen shirt: now €39",
          "tag": "price",
          "url": "/cart/"
        },
        "context": {
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          }
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T17:03:24.430Z",
    "batch": [
      {
        "type": "track",
        "event": "push_clicked",
        "messageId": "32220e42-e9ea-4c93-b4f8-4af4f95421dc",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.428Z",
        "properties": {
          "url": "http://127.0.0.1:39389/cart/",
          "action": null,
          "title": "Linen shirt: now €39",
          "tag": "price"
        },
        "context": {
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          }
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T17:03:24.430Z",
    "batch": [
      {
        "type": "track",
        "event": "journey_entered",
        "properties": {
          "journey": "winback",
          "run": 1,
          "holdout": false
        },
        "messageId": "e821c909-f5e9-4573-a9e7-07c80b4cdec7",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.391Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "journey_step",
        "properties": {
          "journey": "winback",
          "run": 1,
          "step": "nudge",
          "action": "push"
        },
        "messageId": "2be8a59c-4026-499b-9df0-345926fc9068",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.391Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "push_requested",
        "properties": {
          "push": {
            "title": "Your cart is waiting",
            "url": "/cart/"
          },
          "sendAt": "2026-11-30T18:03:24.391Z",
          "cancelOn": [
            "order_completed"
          ],
          "subscription": {
            "endpoint": "https://push.example/sub/1",
            "expirationTime": null,
            "keys": {
              "p256dh": "p",
              "auth": "a"
            }
          },
          "journey": "winback",
          "run": 1,
          "step": "nudge"
        },
        "messageId": "71b27027-52a4-46c7-baab-6a99c85a62ad",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.391Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "track",
        "event": "journey_exited",
        "properties": {
          "journey": "winback",
          "run": 1,
          "reason": "completed"
        },
        "messageId": "8c9bd9d7-5874-404b-9028-4ba74334c3d1",
        "anonymousId": "1c0f345a-06ad-4596-a5e3-74304fbf12ef",
        "userId": "user-42",
        "timestamp": "2026-11-30T17:03:24.391Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:39389/cart/index.html",
            "path": "/cart/index.html",
            "referrer": "",
            "title": "Your cart"
          },
          "library": {
            "name": "journeykit",
            "version": "0.1.0"
          },
          "journey": {
            "stage": "purchase",
            "visit": 1,
            "segments": [
              "pros"
            ]
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      }
    ]
  }
]
