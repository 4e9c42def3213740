package org.casepress.localzenodo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casepress.localzenodo.Store.Concept;
import org.casepress.localzenodo.Store.Deposit;
import org.casepress.localzenodo.Store.FileEntry;

/**
 * {@code /api/records}: published records in the Zenodo JSON form, their files, and the public
 * search. Anyone may read them; a concept id resolves to the latest version.
 */
final class Records {
  private final Store store;
  private final Views views;

  Records(Store store, Views views) {
    this.store = store;
    this.views = views;
  }

  Reply get(Call call) {
    synchronized (store) {
      Deposit d = published(store, call.param(0));
      return Reply.json(200, views.record(d, store.concept(d)));
    }
  }

  /** {@code links.latest}: Zenodo redirects; answering with the latest version is enough here. */
  Reply latest(Call call) {
    synchronized (store) {
      Deposit d = published(store, call.param(0));
      Deposit latest = store.state.deposits.get(store.latestVersion(d.conceptrecid));
      return Reply.json(200, views.record(latest, store.concept(d)));
    }
  }

  Reply files(Call call) {
    synchronized (store) {
      return Reply.json(200, views.recordFiles(published(store, call.param(0))));
    }
  }

  Reply content(Call call) {
    synchronized (store) {
      Deposit d = published(store, call.param(0));
      for (FileEntry f : d.publishedFiles) {
        if (f.key.equals(call.param(2))) {
          return Reply.file(store.blob(f.blob), Views.mimetype(f.key));
        }
      }
      throw ApiError.notFound();
    }
  }

  /** A published record by id, or the latest version when given a concept id; else 404. */
  static Deposit published(Store store, String idText) {
    long id = Store.parseId(idText);
    Deposit d = store.state.deposits.get(id);
    if (d == null) {
      Concept c = store.state.concepts.get(idText);
      if (c != null && !c.versions.isEmpty()) {
        d = store.state.deposits.get(c.versions.get(c.versions.size() - 1));
      }
    }
    if (d == null || d.published == null) {
      throw ApiError.notFound();
    }
    return d;
  }

  Reply search(Call call) {
    int size = call.intParam("size", 10);
    int page = call.intParam("page", 1);
    int max = call.authenticated() ? 100 : 25;
    if (size > max) {
      throw ApiError.validation(
          Map.of(
              "size",
              List.of(
                  "Page size cannot be greater than "
                      + max
                      + (call.authenticated()
                          ? "."
                          : ". Please use authenticated requests to increase the limit to 100."))));
    }
    DepositionSearch search = DepositionSearch.parse(call.query().get("q"));
    synchronized (store) {
      List<Deposit> hits = new ArrayList<>();
      for (Deposit d : store.state.deposits.values()) {
        if (d.published != null
            && d.id == store.latestVersion(d.conceptrecid)
            && search.matches(publishedOnly(d), store.concept(d))) {
          hits.add(d);
        }
      }
      ArrayNode list = Store.MAPPER.createArrayNode();
      int from = Math.max(0, (page - 1) * size);
      for (int i = from; i < Math.min(hits.size(), from + size); i++) {
        Deposit d = hits.get(i);
        list.add(views.record(d, store.concept(d)));
      }
      ObjectNode o = Views.hits(list, hits.size());
      o.putObject("aggregations");
      o.putObject("links").put("self", views.api() + "/records?page=" + page + "&size=" + size);
      return Reply.json(200, o);
    }
  }

  /** The record as published, without an open edit draft: what the records index holds. */
  private static Deposit publishedOnly(Deposit d) {
    Deposit view = new Deposit();
    view.id = d.id;
    view.conceptrecid = d.conceptrecid;
    view.doi = d.doi;
    view.published = d.published;
    return view;
  }
}
