/** HTTP concerns shared by every endpoint: error responses, the task a request is about on its log lines. */
package castad.gateway.web;
