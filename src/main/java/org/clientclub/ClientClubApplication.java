package org.clientclub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableAsync
@Modulithic(sharedModules = "shared")
public class ClientClubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClientClubApplication.class, args);
    }
}
