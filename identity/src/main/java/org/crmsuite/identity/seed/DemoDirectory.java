package org.crmsuite.identity.seed;

import java.util.List;
import java.util.Set;

import org.crmsuite.identity.directory.DepartmentDetails;
import org.crmsuite.identity.directory.Directory;
import org.crmsuite.identity.directory.StaffDetails;
import org.crmsuite.identity.directory.StaffStatus;
import org.crmsuite.platform.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo directory of the one-command local run: a company with an east sales department and a customer-service
 * department, and someone in every staff role (docs/identity.md lists them). Written only in the {@code local}
 * profile and only when the directory is empty; readable fixed ids make it safe when several instances start at
 * once (the second one finds what the first wrote).
 */
@Component
@Profile("local")
class DemoDirectory implements ApplicationRunner {

    static final String COMPANY = "dept-company";
    static final String EAST_SALES = "dept-east-sales";
    static final String CUSTOMER_SERVICE = "dept-customer-service";

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private record DemoPerson(String id, String username, String name, String locale, Role role, String departmentId) {
    }

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("demo-admin", "admin", "系统管理员 Admin", "en", Role.ADMIN, COMPANY),
            new DemoPerson("demo-gm", "gm", "王建国 Wang Jianguo", "zh-CN", Role.GM, COMPANY),
            new DemoPerson("demo-director", "director", "李红 Li Hong", "zh-CN", Role.DIRECTOR, COMPANY),
            new DemoPerson("demo-finance", "finance", "何静 He Jing", "zh-CN", Role.FINANCE, COMPANY),
            new DemoPerson("demo-manager-east", "manager.east", "张伟 Zhang Wei", "zh-CN", Role.MANAGER, EAST_SALES),
            new DemoPerson("demo-sales-1", "sales1", "刘洋 Liu Yang", "zh-CN", Role.SALES, EAST_SALES),
            new DemoPerson("demo-sales-2", "sales2", "赵敏 Zhao Min", "zh-CN", Role.SALES, EAST_SALES),
            new DemoPerson("demo-sales-3", "sales3", "孙磊 Sun Lei", "en", Role.SALES, EAST_SALES),
            new DemoPerson("demo-manager-service", "manager.service", "陈晨 Chen Chen", "zh-CN", Role.MANAGER, CUSTOMER_SERVICE),
            new DemoPerson("demo-agent-1", "agent1", "周丽 Zhou Li", "zh-CN", Role.AGENT, CUSTOMER_SERVICE),
            new DemoPerson("demo-agent-2", "agent2", "吴昊 Wu Hao", "en", Role.AGENT, CUSTOMER_SERVICE),
            new DemoPerson("demo-dispatcher", "dispatcher", "郑强 Zheng Qiang", "zh-CN", Role.DISPATCHER, CUSTOMER_SERVICE));

    private final Directory directory;
    private final SeedProperties settings;

    DemoDirectory(Directory directory, SeedProperties settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.isEmpty()) {
            log.info("directory already holds data; demo directory not written");
            return;
        }
        directory.seedDepartment(COMPANY, new DepartmentDetails("华信集团 Company", null, null, null));
        directory.seedDepartment(EAST_SALES, new DepartmentDetails("华东销售部 East sales", COMPANY, null, null));
        directory.seedDepartment(CUSTOMER_SERVICE, new DepartmentDetails("客服部 Customer service", COMPANY, null, null));
        for (DemoPerson person : PEOPLE) {
            directory.seedPerson(person.id(), new StaffDetails(person.username(), person.name(),
                    person.username() + "@crm.local", null, person.locale(), StaffStatus.ACTIVE, Set.of(person.role()),
                    person.departmentId()), settings.getPassword());
        }
        directory.seedLeaders(COMPANY, "demo-gm", "demo-director");
        directory.seedLeaders(EAST_SALES, "demo-manager-east", "demo-director");
        // no director of its own: customer service answers to the company's director (CO-4 inheritance)
        directory.seedLeaders(CUSTOMER_SERVICE, "demo-manager-service", null);
        log.info("wrote the demo directory: 3 departments, {} people, LOCAL demo password (docs/identity.md)", PEOPLE.size());
    }
}
