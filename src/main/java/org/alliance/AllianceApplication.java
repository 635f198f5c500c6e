package org.alliance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AllianceApplication {
    public static void main(String[] args) {
        SpringApplication.run(AllianceApplication.class, args);
    }
}
