package org.alliance;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AllianceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AllianceApplication.class);
        app.addListeners(new PreparedStart());
        app.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
