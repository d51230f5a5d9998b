package org.crmsuite.console.customers;

/**
 * Answers of the suite's APIs for the demo data the local run seeds (customer-service DemoCustomers and
 * DemoApplication, visit-service and complaint-service DemoData; people from identity's DemoDirectory), as JSON the
 * WireMock gateway returns.
 */
final class DemoCustomers {

    static final String EAST_SALES = "dept-east-sales";
    static final String CUSTOMER_SERVICE = "dept-customer-service";

    private DemoCustomers() {
    }

    /** demo-customer-01, owned by demo-sales-1 (sales1), seen by its owner unmasked. */
    static final String HONGDA_SUMMARY = """
            {"id":"demo-customer-01","name":"上海宏达建设集团有限公司","registrationNumber":"913100000000001000",
             "ownerId":"demo-sales-1","departmentId":"dept-east-sales","category":"KEY","grade":"VIP","priority":1,
             "tier":"ORDINARY","status":"ACTIVE","blacklisted":false,"contactPhone":"13910000000","masked":false,
             "lastVerifiedAt":null,"updatedAt":"2026-11-20T02:00:00Z"}""";

    /** demo-customer-02, owned by demo-sales-2: masked for sales1 (CU-3). */
    static final String ACME_SUMMARY_MASKED = """
            {"id":"demo-customer-02","name":"Acme Trading Co., Ltd.","registrationNumber":"913100000000001001",
             "ownerId":"demo-sales-2","departmentId":"dept-east-sales","category":"GENERAL","grade":"VIP","priority":1,
             "tier":"ORDINARY","status":"ACTIVE","blacklisted":false,"contactPhone":"139****7919","masked":true,
             "lastVerifiedAt":null,"updatedAt":"2026-11-20T02:00:00Z"}""";

    /** demo-customer-13, blacklisted for dept-east-sales (CU-7). */
    static final String TIANHE_SUMMARY = """
            {"id":"demo-customer-13","name":"常州天和加盟连锁有限公司","registrationNumber":"913100000000001012",
             "ownerId":"demo-sales-1","departmentId":"dept-east-sales","category":"KEY","grade":"QUALIFIED","priority":3,
             "tier":"TWO_STAR","status":"ACTIVE","blacklisted":true,"contactPhone":"13910095028","masked":false,
             "lastVerifiedAt":null,"updatedAt":"2026-11-20T02:00:00Z"}""";

    static String page(int page, int size, long totalItems, String... items) {
        int totalPages = (int) Math.ceil(totalItems / (double) size);
        return "{\"items\":[" + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size
                + ",\"totalItems\":" + totalItems + ",\"totalPages\":" + totalPages + "}";
    }

    /** The profile of demo-customer-01 as its owner reads it: nothing masked. */
    static final String HONGDA_PROFILE = """
            {"id":"demo-customer-01","version":3,"name":"上海宏达建设集团有限公司","registrationNumber":"913100000000001000",
             "address":"示例路 1 号","region":"华东","industry":"construction",
             "legalRepresentative":{"name":"法人1","idNumber":null},"businessScope":null,"strategicValue":"CORE",
             "organisation":null,"decisionChain":[],"productLines":[],
             "contacts":[{"id":"c1","name":"联系人1","title":"采购经理","phone":"13910000000","email":"contact1@example.com",
                          "idNumber":null,"birthday":"1970-01-01","key":true,"erased":false}],
             "projects":[],"ownerId":"demo-sales-1","departmentId":"dept-east-sales","category":"KEY","grade":"VIP",
             "priority":1,"tier":"ORDINARY","status":"ACTIVE","suspension":null,
             "documents":[{"type":"BUSINESS_LICENCE","number":"BL-913100000000001000","expiresOn":"2028-11-20"},
                          {"type":"TAX_REGISTRATION","number":"TR-913100000000001000","expiresOn":"2027-11-20"}],
             "blacklist":[],"latestVolume":{"month":"2026-10","tonnes":400},"downgradeDueAt":null,
             "lastReviewAt":null,"nextReviewAt":"2027-04-22T16:00:00Z","lastVerifiedAt":null,"admissionId":null,
             "consents":[],"masked":false,"createdAt":"2026-11-20T02:00:00Z","updatedAt":"2026-11-20T02:00:00Z"}""";

    /** demo-customer-02 as sales1 reads it: another rep's customer in the same department, masked (CU-3). */
    static final String ACME_PROFILE_MASKED = """
            {"id":"demo-customer-02","version":2,"name":"Acme Trading Co., Ltd.","registrationNumber":"913100000000001001",
             "address":"示例路 2 号","region":"华东","industry":"chemicals",
             "legalRepresentative":{"name":"法人2","idNumber":null},"strategicValue":"GENERAL",
             "contacts":[{"id":"c2","name":"联系人2","title":"总经理","phone":"139****7919","email":"c***@example.com",
                          "idNumber":null,"birthday":null,"key":true,"erased":false}],
             "ownerId":"demo-sales-2","departmentId":"dept-east-sales","category":"GENERAL","grade":"VIP","priority":1,
             "tier":"ORDINARY","status":"ACTIVE","documents":[],"blacklist":[],"consents":null,"masked":true,
             "createdAt":"2026-11-20T02:00:00Z","updatedAt":"2026-11-20T02:00:00Z"}""";

    /** demo-customer-13: blacklisted by east sales for six months (CU-7), with a field the console does not know. */
    static final String TIANHE_PROFILE = """
            {"id":"demo-customer-13","version":4,"name":"常州天和加盟连锁有限公司","registrationNumber":"913100000000001012",
             "ownerId":"demo-sales-1","departmentId":"dept-east-sales","category":"KEY","grade":"QUALIFIED","priority":3,
             "tier":"TWO_STAR","status":"ACTIVE","masked":false,"somethingNew":{"x":1},
             "blacklist":[{"entryId":"demo-blacklist-1","scope":"DEPARTMENT","departmentId":"dept-east-sales",
                           "reason":"ECONOMIC_LOSS_OR_REPUTATION_DAMAGE","note":"demo: unpaid deliveries",
                           "createdBy":"demo-manager-east","createdAt":"2026-11-20T02:00:00Z",
                           "expiresAt":"2027-05-20T02:00:00Z","state":"ACTIVE"}]}""";

    /** The change history of demo-customer-01, newest first (CU-2): a grade change, a phone change, the creation. */
    static final String HONGDA_HISTORY = """
            {"customerId":"demo-customer-01","page":0,"size":200,"totalItems":4,"changes":[
              {"at":"2026-11-21T03:00:00Z","by":"demo-manager-east","action":"tier-changed",
               "fields":[{"field":"tier","from":"NEW","to":"ORDINARY"}],"reason":"CU-4: volume 400 t in 2026-10",
               "occurredAt":null,"recordedLate":false},
              {"at":"2026-11-21T02:00:00Z","by":"demo-sales-1","action":"contact-changed",
               "fields":[{"field":"contacts[c1].phone","from":"13910000000","to":"13910000001"}],"reason":null,
               "occurredAt":null,"recordedLate":false},
              {"at":"2026-11-20T03:00:00Z","by":"demo-manager-east","action":"grade-changed",
               "fields":[{"field":"grade","from":"PREFERRED","to":"VIP"}],"reason":"Three years of punctual payment",
               "occurredAt":null,"recordedLate":false},
              {"at":"2026-11-20T02:00:00Z","by":"demo-seed","action":"created",
               "fields":[{"field":"name","from":null,"to":"上海宏达建设集团有限公司"},
                         {"field":"category","from":null,"to":"KEY"},{"field":"grade","from":null,"to":"PREFERRED"},
                         {"field":"ownerId","from":null,"to":"demo-sales-1"}],
               "reason":null,"occurredAt":null,"recordedLate":false}]}""";

    static final String HONGDA_CONTACTS = """
            [{"id":"c1","name":"联系人1","title":"采购经理","phone":"13910000000","email":"contact1@example.com",
              "idNumber":null,"birthday":"1970-01-01","key":true,"erased":false}]""";

    static final String ACME_CONTACTS_MASKED = """
            [{"id":"c2","name":"联系人2","title":"总经理","phone":"139****7919","email":"c***@example.com",
              "idNumber":"3101**********1234","birthday":null,"key":true,"erased":false}]""";

    static final String HONGDA_PROJECTS = """
            [{"id":"p1","name":"浦东物流园二期","location":"上海浦东","scale":"120,000 m²",
              "budget":{"amount":"35000000.00","currency":"CNY"},"schedule":"2027 Q2 完工"}]""";

    /** visit-service's two demo visits of demo-customer-01 and its open cadence plan. */
    static final String HONGDA_VISITS = """
            {"items":[
              {"id":"demo-record-01-2","version":0,"customerId":"demo-customer-01","customerName":"上海宏达建设集团有限公司",
               "departmentId":"dept-east-sales","ownerId":"demo-sales-1","visitedBy":"demo-sales-1","planId":null,
               "mode":"ON_SITE","visitedAt":"2026-05-12T02:00:00Z","place":"客户办公室 customer's office",
               "participants":["demo-sales-1","联系人1"],"content":"Reviewed this quarter's deliveries and open orders.",
               "customerFeedback":"Wants earlier notice of price changes.","problemsSolved":[],"nextSteps":[],
               "report":{"productQualityLabel":"EXCELLENT","productQuality":5,"serviceAttitudeLabel":"VERY_GOOD",
                         "serviceAttitude":4,"productReputationLabel":"EXCELLENT","productReputation":5,"overall":4.67},
               "createdAt":"2026-11-20T02:00:00Z"},
              {"id":"demo-record-01-1","customerId":"demo-customer-01","visitedBy":"demo-sales-1","mode":"PHONE",
               "visitedAt":"2026-02-12T02:00:00Z","content":"Phone call about the new price list.","report":null}],
             "page":0,"size":20,"totalItems":2}""";

    static final String HONGDA_PLANS = """
            {"items":[{"id":"plan-01","version":1,"customerId":"demo-customer-01","kind":"CADENCE",
                       "purpose":"Quarterly visit of a VIP customer","plannedAt":"2026-11-25T02:00:00Z",
                       "dueBy":"2026-11-30T09:00:00Z","status":"PLANNED","ownerId":"demo-sales-1"}],
             "page":0,"size":20,"totalItems":1}""";

    /** complaint-service's newest complaints a manager of customer service sees: two of demo-customer-21, one other. */
    static final String SERVICE_COMPLAINTS = """
            {"items":[
              {"id":"c-0001","receivedAt":"2026-11-22T06:00:00Z","channel":"PHONE","category":"DELIVERY",
               "content":"第二批货物晚到三天，影响工地进度。 The second delivery arrived three days late.",
               "customer":{"customerId":"demo-customer-21","verification":"VERIFIED","name":"徐州众诚物流有限公司","grade":"VIP"},
               "level":"L1","state":"RECEIVED","open":true,"handlerId":"demo-agent-1","departmentId":"dept-customer-service"},
              {"id":"c-0002","receivedAt":"2026-11-22T04:00:00Z","channel":"EMAIL","category":"ORDER_MISMATCH",
               "content":"Invoice lists 40 t, delivery note 38 t.",
               "customer":{"customerId":"demo-customer-25","verification":"VERIFIED","name":"金华瑞丰医药有限公司","grade":"QUALIFIED"},
               "level":"L1","state":"ACCEPTED","open":true,"handlerId":"demo-agent-1","departmentId":"dept-customer-service"},
              {"id":"c-0003","receivedAt":"2026-10-02T04:00:00Z","channel":"LETTER","category":"PRODUCT_QUALITY",
               "content":"Rust on pipes, settled with a replacement delivery.",
               "customer":{"customerId":"demo-customer-21","verification":"VERIFIED","name":"徐州众诚物流有限公司","grade":"VIP"},
               "level":"L2","state":"CLOSED","open":false,"handlerId":"demo-manager-service","departmentId":"dept-customer-service"},
              {"id":"c-0004","receivedAt":"2026-10-01T04:00:00Z","channel":"SOCIAL_MEDIA","category":"PRODUCT_QUALITY",
               "content":"Batch quality complaint from several consumers.","customer":null,
               "level":"L3","state":"RECEIVED","open":true,"handlerId":"demo-director","departmentId":"dept-customer-service"}],
             "page":0,"size":200,"total":4}""";

    static String cooperation(int n) {
        return """
                {"id":"coop-%1$d","customerId":"demo-customer-01","departmentId":"dept-east-sales",
                 "contractNumber":"HT-2026-%1$03d","title":"钢管供货合同","amount":{"amount":"1200000.00","currency":"CNY"},
                 "signedOn":"2026-0%2$d-15","startOn":"2026-0%2$d-20","endOn":"2026-12-31","notes":null,
                 "recordedBy":"demo-sales-1","recordedAt":"2026-11-20T02:00:00Z"}""".formatted(n, 1 + n % 9);
    }

    /** The pending application of the demo data, waiting for the sales step (CU-5). */
    static final String PENDING_APPLICATION = admission("PENDING_SALES", "SALES", "");

    /** The same after sales approved it: waiting for finance. */
    static final String APPLICATION_AT_FINANCE = admission("PENDING_FINANCE", "FINANCE", """
            {"step":"SALES","approved":true,"reason":"Documents complete, long-standing prospect","decidedBy":"demo-sales-1",
             "decidedAt":"2026-11-22T03:00:00Z"}""");

    static String admission(String status, String pendingStep, String decisions) {
        return """
                {"id":"demo-admission-1","version":%3$d,"name":"上海新锐科技有限公司","registrationNumber":"91310000MA1FL0DEMO",
                 "departmentId":"dept-east-sales","proposedOwnerId":"demo-sales-1",
                 "documents":[{"type":"BUSINESS_LICENCE","number":"BL-DEMO-001","expiresOn":"2029-11-20"},
                              {"type":"TAX_REGISTRATION","number":"TR-DEMO-001","expiresOn":"2027-11-20"}],
                 "invoicing":{"bank":"中国银行上海分行","account":"6222000000000001","address":"上海市浦东新区示例路 88 号",
                              "phone":"021-55550000"},
                 "status":"%1$s","pendingStep":%2$s,"decisions":[%4$s],"submittedBy":"demo-sales-1","customerId":null,
                 "createdAt":"2026-11-20T02:00:00Z","updatedAt":"2026-11-22T03:00:00Z"}"""
                .formatted(status, pendingStep == null ? "null" : "\"" + pendingStep + "\"", decisions.isEmpty() ? 0 : 1,
                        decisions);
    }
}
