package org.crmsuite.customer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.customer.admission.Admission;
import org.crmsuite.customer.admission.AdmissionChain;
import org.crmsuite.customer.admission.Admissions;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The local demo data: 30 customers in the identity module's two departments, within the CU-4 quotas, written once. */
class DemoCustomersTest extends ApiTest {

    @Autowired
    Admissions admissions;
    @Autowired
    BusinessCalendar calendar;

    long count(String department, Grade grade) {
        Criteria criteria = Criteria.where("departmentId").is(department);
        if (grade != null) {
            criteria = criteria.and("grade").is(grade.name());
        }
        return mongo.count(new Query(criteria), Customer.class);
    }

    @Test
    void writesThirtyCustomersWithinQuotasABlacklistEntryAndAPendingAdmissionOnce_CU4() {
        DemoCustomers demo = new DemoCustomers(customers, admissions, mongo, calendar);
        demo.run(null);
        demo.run(null);
        assertThat(mongo.count(new Query(), Customer.class)).isEqualTo(30);
        for (String department : new String[] { DemoCustomers.EAST_SALES, DemoCustomers.CUSTOMER_SERVICE }) {
            long all = count(department, null);
            assertThat(count(department, Grade.VIP) * 100).isLessThanOrEqualTo(15 * all);
            assertThat(count(department, Grade.PREFERRED) * 100).isLessThanOrEqualTo(30 * all);
        }
        assertThat(mongo.count(new Query(Criteria.where("blacklist.state").is("ACTIVE")), Customer.class)).isEqualTo(1);
        Admission pending = admissions.get("demo-admission-1");
        assertThat(pending.getStatus()).isEqualTo(AdmissionChain.Status.PENDING_SALES);
        assertThat(customers.get("demo-customer-01").getOwnerId()).isEqualTo("demo-sales-1");
    }
}
