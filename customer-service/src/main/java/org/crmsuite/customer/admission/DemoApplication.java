package org.crmsuite.customer.admission;

import java.time.LocalDate;
import java.util.List;

import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.QualificationDocument;

/** The pending application of the local demo data (a fixed id, so it is written once). */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static Admission pending(String tenantId, LocalDate today) {
        Admission admission = Admission.submit(tenantId,
                new ProfileDetails("上海新锐科技有限公司", "91310000MA1FL0DEMO", "上海市浦东新区示例路 88 号", "华东", "chemicals",
                        null, "化工原料销售", null, null, List.of()),
                List.of(new Contact("a1", "王芳", "采购总监", "13900009999", "wang.fang@example.com", null, null, null, true, false)),
                "dept-east-sales", "demo-sales-1",
                List.of(new QualificationDocument(DocumentType.BUSINESS_LICENCE, "BL-DEMO-001", today.plusYears(3)),
                        new QualificationDocument(DocumentType.TAX_REGISTRATION, "TR-DEMO-001", today.plusYears(1))),
                new Admission.Invoicing("中国银行上海分行", "6222000000000001", "上海市浦东新区示例路 88 号", "021-55550000"),
                "demo-sales-1", "demo-seed:admission-1");
        admission.setId("demo-admission-1");
        return admission;
    }
}
