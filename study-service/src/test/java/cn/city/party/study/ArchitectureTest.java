package cn.city.party.study;

import cn.city.party.common.test.ServiceArchitecture;

/** The rules of {@link ServiceArchitecture} hold for this service. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("cn.city.party.study");
    }
}
