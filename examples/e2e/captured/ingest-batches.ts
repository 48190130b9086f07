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
    "sentAt": "2026-11-30T13:41:05.208Z",
    "batch": [
      {
        "type": "track",
        "event": "visit_start",
        "properties": {
          "visit": 1,
          "referrer": ""
        },
        "messageId": "18ffcf68-ce7a-4b9e-95fc-6538ae0b8181",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": null,
        "timestamp": "2026-11-30T13:41:04.869Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      },
      {
        "type": "page",
        "name": "Your cart",
        "properties": {
          "url": "http://127.0.0.1:43043/cart/index.html",
          "path": "/cart/index.html",
          "referrer": "",
          "title": "Your cart",
          "search": ""
        },
        "messageId": "4b9a9a24-1294-4e07-9c19-5cd8687b5188",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": null,
        "timestamp": "2026-11-30T13:41:04.869Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T13:41:08.417Z",
    "batch": [
      {
        "type": "identify",
        "traits": {
          "email": "ana@shop.example",
          "plan": "pro"
        },
        "messageId": "a48cb548-b328-41ce-8069-4398e681bfba",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:05.443Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "51517ede-5f39-4a3c-9bd9-08e4406d9d11",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.122Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "152ac904-59e6-47a2-99a0-3bd066423c16",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.122Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "95795098-3b2b-4daf-a289-b9dc7660b0e5",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.169Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "6ed88e9e-ef0d-4e99-bc53-91ae7d25fdf1",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.268Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "6e3e55db-5274-48d8-9556-4cf13163d55f",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.293Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "4a2d8e91-6b4c-41b7-9588-aac998e29dc6",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.624Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "d3267612-bb83-476a-a323-2fc3bb890fb0",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.624Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
          "url": "http://127.0.0.1:43043/README.md"
        },
        "messageId": "b32a0e5d-182f-4816-96f7-25d0dd49a571",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.680Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
          "url": "http://127.0.0.1:43043/README.md"
        },
        "messageId": "5f92b69d-ca89-4ed1-825a-503964a42a6c",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.680Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "69a9b41e-b38e-42d9-a129-53c97e441082",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.692Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "5b78a3f7-6470-4e59-b31b-021cc55824bc",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.692Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "5839d11a-f772-433b-9cba-cad75bb30d97",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.702Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "570104d8-0730-4d83-8809-bfeecf723be5",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:07.962Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "2246fb8a-4a25-4545-9a79-d5d8b9573345",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.013Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "f58411e6-c093-4a97-811b-0656e694dfdc",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.059Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "e908cece-4929-45d2-8469-2c152eeb7ec4",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.372Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
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
        "messageId": "4915f971-59fd-42cb-acc9-f48de3dbd768",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.374Z",
        "context": {
          "page": {
            "url": "http://127.0.0.1:43043/cart/index.html",
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
            "visit": 1
          },
          "userAgent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
          "locale": "en-US"
        }
      }
    ]
  },
  {
    "sentAt": "2026-11-30T13:41:08.447Z",
    "batch": [
      {
        "type": "track",
        "event": "push_received",
        "messageId": "993241ff-d18c-409a-8378-15675270e2ab",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.446Z",
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
    "sentAt": "2026-11-30T13:41:08.463Z",
    "batch": [
      {
        "type": "track",
        "event": "push_clicked",
        "messageId": "230bb867-295a-4cc5-b60e-1c6035c3dffe",
        "anonymousId": "37d7d761-fecb-4a1d-a68b-9cce451964c9",
        "userId": "user-42",
        "timestamp": "2026-11-30T13:41:08.462Z",
        "properties": {
          "url": "http://127.0.0.1:43043/cart/",
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
  }
]
