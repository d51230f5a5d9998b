package org.crmsuite.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.crmsuite.customer.profile.CustomerSearch.Filter;
import org.crmsuite.customer.profile.CustomerSearch.NameMatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CustomerSearch} against the MongoDB wire protocol (embedded server, no mocks): the indexes exist, the
 * filters find what they should, and regex-special input matches only itself.
 */
@DataMongoTest
@ActiveProfiles("test")
@Import(CustomerSearch.class)
class CustomerSearchRepositoryTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    CustomerSearch search;

    @BeforeEach
    void documents() {
        mongo.remove(new Query(), "customers");
        mongo.insert(doc("1", "上海宏达建设集团有限公司", "dept-a", "s1", "VIP", "13800000001"), "customers");
        mongo.insert(doc("2", "a.c (x) [y] *z* $gt", "dept-a", "s2", "QUALIFIED", "13800000002"), "customers");
        mongo.insert(doc("3", "abc", "dept-b", "s1", "QUALIFIED", "13800000003"), "customers");
    }

    static Document doc(String id, String name, String department, String owner, String grade, String phone) {
        return new Document("_id", id).append("tenantId", "default").append("name", name).append("nameKey", NameKey.of(name))
                .append("departmentId", department).append("ownerId", owner).append("grade", grade).append("status", "ACTIVE")
                .append("category", "GENERAL").append("tier", "NEW").append("registrationNumber", "REG" + id)
                .append("contacts", List.of(new Document("id", "c" + id).append("phone", phone)));
    }

    List<String> ids(Filter filter) {
        return search.search("default", filter, PageRequest.of(0, 20, Sort.by("nameKey", "_id"))).map(Customer::getId).getContent();
    }

    static Filter name(String text, NameMatch match) {
        return new Filter(text, match, null, null, null, null, null, null, null, null);
    }

    @Test
    void searchIndexesAreCreatedAtStartUp() {
        List<String> names = mongo.indexOps("customers").getIndexInfo().stream().map(i -> i.getName()).toList();
        assertThat(names).contains("tenant_registration", "name", "department_name", "owner_name", "grade_name",
                "contact_phone", "department_grade_status");
    }

    @Test
    void regexSpecialCharactersMatchThemselvesOnly() {
        assertThat(ids(name(".", NameMatch.CONTAINS))).containsExactly("2");
        assertThat(ids(name("a.c", NameMatch.PREFIX))).containsExactly("2");
        assertThat(ids(name("(x) [y] *z*", NameMatch.CONTAINS))).containsExactly("2");
        assertThat(ids(name("$gt", NameMatch.CONTAINS))).containsExactly("2");
        assertThat(ids(name(".*", NameMatch.CONTAINS))).isEmpty();
        assertThat(ids(name("a.*", NameMatch.PREFIX))).isEmpty();
    }

    @Test
    void equalityFiltersCombine() {
        assertThat(ids(new Filter(null, NameMatch.CONTAINS, null, null, "s1", "dept-a", null, Grade.VIP, null, null)))
                .containsExactly("1");
        assertThat(ids(new Filter(null, NameMatch.CONTAINS, null, "138 0000 0003", null, null, null, null, null, null)))
                .containsExactly("3");
        assertThat(ids(new Filter("宏达", NameMatch.CONTAINS, null, null, null, null, null, null, null, null)))
                .containsExactly("1");
    }
}
