package org.crmsuite.sales.office;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.SalesSettings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The sales offices, and each office's "today" (the offices' time zone, {@code crm.sales.zone}). */
@Service
public class Offices {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    Offices(MongoTemplate mongo, Clock clock, SalesSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = settings.zone();
    }

    public SalesOffice get(String officeId) {
        SalesOffice office = mongo.findById(officeId, SalesOffice.class);
        if (office == null) {
            throw DomainException.notFound("office", officeId);
        }
        return office;
    }

    public Optional<SalesOffice> ofProject(String projectId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("projectId").is(projectId)), SalesOffice.class));
    }

    public List<SalesOffice> ofDepartment(String departmentId) {
        return mongo.find(Query.query(Criteria.where("departmentId").is(departmentId)), SalesOffice.class);
    }

    public List<SalesOffice> all() {
        return mongo.find(new Query().with(Sort.by("_id")), SalesOffice.class);
    }

    public SalesOffice create(SalesOffice office) {
        if (mongo.findById(office.id(), SalesOffice.class) != null) {
            throw DomainException.conflict("office.exists", "An office with id '" + office.id() + "' exists already");
        }
        if (ofProject(office.projectId()).isPresent()) {
            throw DomainException.conflict("office.project-taken", "Project " + office.projectId() + " has an office already");
        }
        return mongo.insert(office);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
