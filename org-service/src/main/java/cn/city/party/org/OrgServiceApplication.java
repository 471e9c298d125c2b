package cn.city.party.org;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 组织服务: departments, the organization tree, members, transfers, committees and terms, Party dues. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrgServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgServiceApplication.class, args);
    }
}
