package cn.city.party.study.demo;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.exam.Exam;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialService;
import cn.city.party.study.plan.StudyPlan;
import cn.city.party.study.progress.Progress;
import cn.city.party.study.progress.StudyRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeder is active only on the local platform ({@code platform.demo-data.enabled}); here it runs against the
 * test application's own beans, twice, to show what it creates and that a second run adds nothing.
 */
@PlatformIntegrationTest
class DemoDataSeederIT extends StudyApiTest {

    @Autowired
    MaterialService materials;
    @Autowired
    ScopedMongo store;
    @Autowired
    StudyRules rules;

    @Test
    void seeds_materials_a_plan_progress_and_an_exam_per_demo_department_once() {
        DemoDataSeeder seeder = new DemoDataSeeder(materials, store, rules, clock, new PlatformCalendar(clock, ZoneId.of("Asia/Shanghai")));
        seeder.run(null);
        long materialsAfterFirst = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Material.class);
        seeder.run(null);

        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Material.class)).isEqualTo(materialsAfterFirst);
        for (String department : new String[]{"caizheng", "jiaoyu"}) {
            assertThat(mongo.findById("demo-" + department + "-plan", StudyPlan.class).sessions()).hasSize(2);
            assertThat(mongo.findById("demo-" + department + "-exam", Exam.class)).isNotNull();
            assertThat(mongo.findById(Progress.idOf(department + "-m02", "demo-city-constitution"), Progress.class).completed()).isTrue();
        }
        assertThat(api().as("jiaoyu-member").get("/api/study/exams/demo-jiaoyu-exam").status()).isEqualTo(200);
        assertThat(api().as("caizheng-member").get("/api/study/materials/demo-city-constitution").status()).isEqualTo(200);
    }
}
