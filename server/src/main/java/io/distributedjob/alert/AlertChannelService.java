package io.distributedjob.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.org.DepartmentDirectory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Creates, changes, lists and tests alert channels, within the caller's department scope. */
@Service
class AlertChannelService {

    private final AlertChannelRepository channels;
    private final AlertRuleRepository rules;
    private final AlertChannelValidator validator;
    private final ChannelDelivery delivery;
    private final DepartmentScope scope;
    private final DepartmentDirectory departments;
    private final Clock clock;

    AlertChannelService(AlertChannelRepository channels, AlertRuleRepository rules, AlertChannelValidator validator,
                        ChannelDelivery delivery, DepartmentScope scope, DepartmentDirectory departments,
                        Clock clock) {
        this.channels = channels;
        this.rules = rules;
        this.validator = validator;
        this.delivery = delivery;
        this.scope = scope;
        this.departments = departments;
        this.clock = clock;
    }

    PageResult<AlertChannelView> list(CurrentUser user, Long departmentId, PageQuery page) {
        Set<Long> visible;
        if (departmentId != null) {
            scope.requireAccess(user, departmentId);
            visible = Set.of(departmentId);
        } else {
            visible = scope.visibleDepartments(user);
        }
        if (visible.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        return PageResult.of(channels.page(visible, page).stream().map(this::view).toList(), channels.count(visible),
                page);
    }

    AlertChannelView get(CurrentUser user, long id) {
        return view(find(user, id));
    }

    AlertChannelView create(CurrentUser user, JsonNode body) {
        AlertChannel channel = validator.read(body, null);
        checkDepartment(user, channel, null);
        long id = channels.insert(channel, clock.instant());
        return view(channels.find(id).orElseThrow());
    }

    AlertChannelView update(CurrentUser user, long id, JsonNode body) {
        AlertChannel current = find(user, id);
        AlertChannel channel = validator.read(body, current);
        checkDepartment(user, channel, id);
        channels.update(channel, clock.instant());
        return view(channels.find(id).orElseThrow());
    }

    void delete(CurrentUser user, long id) {
        find(user, id);
        if (rules.channelInUse(id)) {
            throw ApiException.conflict("channelInUse", Map.of("id", id), "alert channel " + id + " is still used by alert rules");
        }
        channels.delete(id);
    }

    /** Sends a test alert through the channel now and tells whether it arrived. */
    TestResult test(CurrentUser user, long id) {
        AlertChannel channel = find(user, id);
        Instant now = clock.instant();
        AlertMessage message = new AlertMessage("TEST", "[DistributedJob] test alert",
                "[DistributedJob] test alert of channel " + channel.name() + ", sent by " + user.username(),
                Map.of("channelId", channel.id(), "time", now.toString()));
        try {
            delivery.deliver(channel, message);
            return new TestResult(true, null);
        } catch (DeliveryException e) {
            return new TestResult(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestResult(false, "interrupted");
        }
    }

    record TestResult(boolean delivered, String error) {
    }

    /** The channel if it exists and lies in the caller's scope (404 / 403 otherwise). */
    AlertChannel find(CurrentUser user, long id) {
        AlertChannel channel = channels.find(id)
                .orElseThrow(() -> ApiException.notFound("alert channel " + id + " not found"));
        scope.requireAccess(user, channel.departmentId());
        return channel;
    }

    private void checkDepartment(CurrentUser user, AlertChannel channel, Long id) {
        if (!departments.exists(channel.departmentId())) {
            throw ApiException.invalid("departmentId: department " + channel.departmentId() + " does not exist");
        }
        scope.requireAccess(user, channel.departmentId());
        if (channels.nameTaken(channel.departmentId(), channel.name(), id)) {
            throw ApiException.conflict("channelNameTaken", Map.of("name", channel.name()), "name: an alert channel named "
                    + channel.name() + " already exists in department " + channel.departmentId());
        }
    }

    private AlertChannelView view(AlertChannel channel) {
        return AlertChannelView.of(channel, clock.getZone());
    }
}
