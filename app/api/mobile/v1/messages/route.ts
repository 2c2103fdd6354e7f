// GET|PATCH /api/mobile/v1/messages — alias of /message
export { GET, PATCH } from '../message/route';
