/** HTTP concerns shared by every endpoint: error responses. */
package castad.gateway.web;
