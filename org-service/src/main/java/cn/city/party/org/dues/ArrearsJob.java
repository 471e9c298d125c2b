package cn.city.party.org.dues;

import cn.city.party.common.security.CurrentCaller;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Flags arrears in every department once a day. */
@Component
class ArrearsJob {

    private final DuesService dues;

    ArrearsJob(DuesService dues) {
        this.dues = dues;
    }

    @Scheduled(cron = "${org.dues.arrears-cron:0 30 2 * * *}", zone = "${platform.zone:Asia/Shanghai}")
    void run() {
        CurrentCaller.runAsSystem("dues-arrears", () -> dues.evaluateArrears(null));
    }
}
