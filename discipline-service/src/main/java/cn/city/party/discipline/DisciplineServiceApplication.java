package cn.city.party.discipline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 纪检监督: integrity risk points, leads and their disposition, the four forms, sanctions, rectification, audit trail. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DisciplineServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisciplineServiceApplication.class, args);
    }
}
