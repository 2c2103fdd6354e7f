// POST|GET /api/3rdparty/v1/messages — same as /message
export { GET, POST } from '../message/route';
