package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import org.casepress.localzenodo.Options.Account;
import org.casepress.localzenodo.Options.Community;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.InclusionRequest;

/**
 * {@code /api/requests} and {@code /api/records/{id}/requests}: community-inclusion requests and
 * the curators' decisions on them. Accepting puts the record (all its versions) in the community.
 */
final class Requests {
  private final Store store;
  private final Views views;
  private final Options options;

  Requests(Store store, Views views, Options options) {
    this.store = store;
    this.views = views;
    this.options = options;
  }

  /** A new open request for {@code d} to join {@code community}; caller holds the store lock. */
  InclusionRequest submit(Deposit d, String community, Account account, boolean notify) {
    InclusionRequest r = new InclusionRequest();
    r.id = UUID.randomUUID().toString();
    r.number = store.state.nextRequest++;
    r.community = community;
    r.recid = d.id;
    r.title = d.published.path("title").asText("");
    r.createdBy = account.name();
    r.notified = notify;
    r.created = store.now();
    r.updated = r.created;
    store.state.requests.put(r.id, r);
    return r;
  }

  /** The open request of any version of the concept for the community, if there is one. */
  Optional<InclusionRequest> openFor(Concept c, String community) {
    return store.state.requests.values().stream()
        .filter(r -> r.open() && r.community.equals(community))
        .filter(r -> c.versions.contains(r.recid))
        .findFirst();
  }

  /** Accepts or declines; an accepted record is in the community from now on. */
  void close(InclusionRequest r, String status) {
    r.status = status;
    r.updated = store.now();
    if (status.equals("accepted")) {
      Deposit d = store.state.deposits.get(r.recid);
      Concept c = d == null ? null : store.concept(d);
      if (c != null && !c.communities.contains(r.community)) {
        c.communities.add(r.community);
      }
    }
  }

  Reply ofRecord(Call call) {
    synchronized (store) {
      Deposit d = Records.published(store, call.param(0));
      ArrayNode list = Store.MAPPER.createArrayNode();
      for (InclusionRequest r : store.state.requests.values()) {
        if (r.recid == d.id) {
          list.add(views.request(r, Communities.id(r.community)));
        }
      }
      ObjectNode out = Views.hits(list, list.size());
      out.putObject("links").put("self", views.api() + "/records/" + d.id + "/requests");
      return Reply.json(200, out);
    }
  }

  Reply get(Call call) {
    synchronized (store) {
      InclusionRequest r = request(call.param(0));
      if (!r.createdBy.equals(call.account().name()) && !curates(r, call.account())) {
        throw ApiError.denied();
      }
      return Reply.json(200, views.request(r, Communities.id(r.community)));
    }
  }

  Reply accept(Call call) {
    return decide(call, "accepted");
  }

  Reply decline(Call call) {
    return decide(call, "declined");
  }

  /** Only the community's curators (or managers, owners) decide, and only on an open request. */
  private Reply decide(Call call, String status) {
    call.jsonBody(); // an optional {"payload": {"content": "..."}}, which must be JSON
    synchronized (store) {
      InclusionRequest r = request(call.param(0));
      if (!curates(r, call.account())) {
        throw ApiError.denied();
      }
      if (!r.open()) {
        throw ApiError.of(400, "This request is " + r.status + " and can no longer be changed.");
      }
      close(r, status);
      store.save();
      return Reply.json(200, views.request(r, Communities.id(r.community)));
    }
  }

  private boolean curates(InclusionRequest r, Account account) {
    Community c = options.communities().get(r.community);
    return c != null && c.role(account.name()).map(Options.Role::curates).orElse(false);
  }

  private InclusionRequest request(String id) {
    InclusionRequest r = store.state.requests.get(id);
    if (r == null) {
      throw ApiError.notFound();
    }
    return r;
  }
}
